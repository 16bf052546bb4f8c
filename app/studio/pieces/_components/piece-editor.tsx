"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { dict } from "@/lib/i18n";
import type { ActionResult } from "@/lib/studio/action-result";
import { Field, FieldError, FormError, buttonClass, inputClass, OptionList } from "../../_components/ui";
import { savePieceAction, type SavedPiece } from "../actions";
import { BodyEditor } from "./body-editor";
import { DraftRestorePrompt } from "./draft-restore-prompt";
import { InstantField } from "./instant-field";
import { PieceMetaFields } from "./piece-meta-fields";
import { TierPreviewPanel } from "./tier-preview-panel";
import type { EditorOptions, PieceFormValues } from "./types";
import { useDraftAutosave, type DraftFields } from "./use-draft-autosave";
import { useUnsavedWarning } from "./use-unsaved-warning";

const t = dict("ko").studioEditor;

// Title and dek are uncontrolled inputs; the autosave reads them from the form.
function contentOf(form: HTMLFormElement | null, body: string): DraftFields {
  const value = (name: string) => {
    const el = form?.elements.namedItem(name);
    return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : "";
  };
  return { title: value("title"), dek: value("dek"), body };
}

const FIELDS = [
  "title",
  "slug",
  "dek",
  "body",
  "locale",
  "access",
  "unlockAt",
  "status",
  "publishAt",
  "section",
  "tags",
  "authorSlugs",
  "authorEmail",
  "previewParagraphs",
  "heroImage",
  "heroAlt",
  "heroCaption",
  "heroCredit",
  "seoTitle",
  "seoDescription",
  "newsletter",
];

export function PieceEditor({ initial, options }: { initial: PieceFormValues; options: EditorOptions }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [dirty, setDirty] = useState(false);
  const draft = useDraftAutosave(initial.id, { title: initial.title, dek: initial.dek, body: initial.body });
  useUnsavedWarning(dirty, t.unsavedLeave);
  // A successful save ends the unsaved state and drops the local draft.
  const [state, formAction, pending] = useActionState(async (prev: ActionResult<SavedPiece> | null, fd: FormData) => {
    const result = await savePieceAction(initial.id, prev, fd);
    if (result.ok) {
      draft.clear(contentOf(formRef.current, String(fd.get("body") ?? "")));
      setDirty(false);
    }
    return result;
  }, null);
  const [body, setBody] = useState(initial.body);
  const edited = (nextBody: string) => {
    setDirty(true);
    draft.schedule(contentOf(formRef.current, nextBody));
  };
  const changeBody = (v: string) => {
    setBody(v);
    edited(v);
  };
  const restoreDraft = (d: DraftFields) => {
    const form = formRef.current;
    for (const name of ["title", "dek"] as const) {
      const el = form?.elements.namedItem(name);
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.value = d[name];
    }
    setBody(d.body);
    setDirty(true);
    draft.dismiss();
  };
  const [access, setAccess] = useState(initial.access);
  const [unlockAt, setUnlockAt] = useState(initial.unlockAt);
  const [status, setStatus] = useState(initial.status);
  const [previewParagraphs, setPreviewParagraphs] = useState(initial.previewParagraphs);
  const error = state && !state.ok ? state.error : null;
  useEffect(() => {
    if (state?.ok && initial.id === null) router.replace(`/studio/pieces/${state.data.id}?saved=1`);
    // The page's server parts (newsletter status and size) follow the save.
    else if (state?.ok) router.refresh();
  }, [state, initial.id, router]);
  const sendStarted = initial.newsletter.status === "queued" || initial.newsletter.status === "done";

  return (
    <form
      ref={formRef}
      action={formAction}
      onInput={(e) => (e.target as HTMLElement).id !== "body" && edited(body)}
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]"
      aria-label="기사 편집"
    >
      <div className="flex flex-col gap-4">
        {draft.offered ? <DraftRestorePrompt draft={draft.offered} onRestore={restoreDraft} onDiscard={draft.discard} /> : null}
        {dirty ? (
          <p className="text-xs font-semibold text-amber-800" data-testid="unsaved-badge">
            ● {t.unsavedBadge}
          </p>
        ) : null}
        <FormError error={error} fields={FIELDS} />
        {state?.ok ? (
          <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="saved">
            저장했습니다 ·{" "}
            <a className="underline" href={`/articles/${state.data.slug}`}>
              /articles/{state.data.slug}
            </a>
          </p>
        ) : null}
        <Field label="제목" htmlFor="title">
          <input id="title" name="title" defaultValue={initial.title} required className={`${inputClass} text-lg`} />
          <FieldError error={error} field="title" />
        </Field>
        <Field label="슬러그 (URL)" htmlFor="slug" hint="비우면 제목에서 만듭니다. 영문 소문자·숫자·하이픈.">
          <input id="slug" name="slug" defaultValue={initial.slug} className={inputClass} />
          <FieldError error={error} field="slug" />
        </Field>
        <Field label="요약 (dek, 한 줄에 하나)" htmlFor="dek">
          <textarea id="dek" name="dek" rows={2} defaultValue={initial.dek} className={inputClass} />
          <FieldError error={error} field="dek" />
        </Field>
        <BodyEditor value={body} onChange={changeBody} error={error} />
        <PieceMetaFields initial={initial} options={options} error={error} />
      </div>
      <aside className="flex flex-col gap-4">
        <div className="grid grid-cols-2 gap-3 rounded border border-rule bg-white p-3">
          <Field label="접근 등급" htmlFor="access">
            <select id="access" name="access" value={access} onChange={(e) => setAccess(e.target.value)} className={inputClass}>
              <OptionList options={options.access} />
            </select>
            <FieldError error={error} field="access" />
          </Field>
          <Field label="미리보기 문단 수" htmlFor="previewParagraphs">
            <input
              id="previewParagraphs"
              name="previewParagraphs"
              type="number"
              min={1}
              max={50}
              value={previewParagraphs}
              onChange={(e) => setPreviewParagraphs(Number(e.target.value) || 1)}
              className={inputClass}
            />
          </Field>
          <div className="col-span-2">
            <Field label="공개 전환 시각 (unlockAt)" htmlFor="unlockAt" hint="이 시각이 지나면 누구나 전문을 읽습니다.">
              <InstantField id="unlockAt" name="unlockAt" value={initial.unlockAt} onChange={setUnlockAt} />
              <FieldError error={error} field="unlockAt" />
            </Field>
          </div>
          <Field label="상태" htmlFor="status">
            <select id="status" name="status" value={status} onChange={(e) => setStatus(e.target.value as PieceFormValues["status"])} className={inputClass}>
              <option value="draft">초안 (draft)</option>
              <option value="scheduled">예약 (scheduled)</option>
              <option value="published">발행 (published)</option>
            </select>
          </Field>
          <Field label="발행 시각 (publishAt)" htmlFor="publishAt" hint={status === "published" ? "비우면 지금" : undefined}>
            <InstantField id="publishAt" name="publishAt" value={initial.publishAt} />
            <FieldError error={error} field="publishAt" />
          </Field>
          <div className="col-span-2" data-testid="newsletter-field">
            {sendStarted ? (
              <p className="text-sm">
                뉴스레터: <strong>{initial.newsletter.status === "done" ? "발송 완료" : "발송 중"}</strong> · 받는 사람{" "}
                {initial.newsletter.recipients.toLocaleString("ko-KR")}명 (한 번만 보냅니다)
              </p>
            ) : (
              <label className="flex items-start gap-2 text-sm">
                <input type="hidden" name="newsletterField" value="1" />
                <input type="checkbox" name="newsletter" defaultChecked={initial.newsletter.status === "waiting"} className="mt-1" />
                <span>
                  뉴스레터로 보내기 <span className="text-muted">(발행되는 순간 구독자에게 — 예약 기사는 예약 시각에. 유료 부분은 권한 있는 독자에게만.)</span>
                </span>
              </label>
            )}
          </div>
          <button type="submit" disabled={pending} className={`${buttonClass} col-span-2`}>
            {pending ? "저장 중…" : "저장"}
          </button>
        </div>
        <TierPreviewPanel input={{ body, access, unlockAt, previewParagraphs }} />
      </aside>
    </form>
  );
}
