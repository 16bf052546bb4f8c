"use client";

import { useState } from "react";
import { dict } from "@/lib/i18n";
import type { ImportReport } from "@/lib/import/wxr-import";
import { buttonClass, Field, InlineAlert, inputClass, OptionList, LabeledControl } from "../../_components/ui";
import { UploadProgress } from "./upload-progress";

type Option = { value: string; label: string };
type Outcome = { ok: true; summary: string; report: ImportReport | null } | { ok: false; message: string };

// The studio speaks Korean; its words live in the dictionary.
const t = dict("ko").studioImport;

// XMLHttpRequest rather than fetch: it reports upload progress for large exports.
function upload(file: File, query: { protectedAccess: string; dryRun: boolean; navSections: string }, onProgress: (pct: number) => void): Promise<Outcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const params = new URLSearchParams({ protectedAccess: query.protectedAccess, navSections: query.navSections, ...(query.dryRun ? { dryRun: "1" } : {}) });
    xhr.open("POST", `/api/admin/studio/import?${params.toString()}`);
    xhr.setRequestHeader("content-type", "application/xml");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as { summary?: string; report?: ImportReport; error?: { message: string } };
        resolve(
          xhr.status === 200 && body.summary
            ? { ok: true, summary: body.summary, report: body.report ?? null }
            : { ok: false, message: body.error?.message ?? `HTTP ${xhr.status}` },
        );
      } catch {
        resolve({ ok: false, message: `HTTP ${xhr.status}` });
      }
    };
    xhr.onerror = () => resolve({ ok: false, message: "네트워크 오류" });
    xhr.send(file);
  });
}

// What needs an editor's eye: protected posts and where they landed, editor changes kept.
function ReportDetails({ report, labelOf }: { report: ImportReport; labelOf: (access: string) => string }) {
  const { protected: gated, editorKept, deletedInMasthead } = report;
  const fields = (names: readonly string[]) => names.map((f) => t.fields[f] ?? f).join(", ");
  if (!gated.pieces.length && !editorKept.length && !deletedInMasthead.length) return null;
  return (
    <div className="flex flex-col gap-2 rounded border border-rule p-3 text-sm" data-testid="import-details">
      {gated.pieces.length ? (
        <div data-testid="import-protected">
          <p className="font-semibold">
            {gated.access === "public" ? t.protectedPublic(gated.pieces.length) : t.protectedGated(gated.pieces.length, labelOf(gated.access))}
          </p>
          <ul className="list-disc pl-5">
            {gated.pieces.map((p) => (
              <li key={p.wpId}>
                <code>{p.slug}</code> (WordPress #{p.wpId}){p.access === gated.access ? null : ` — ${t.accessChanged(labelOf(p.access))}`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {editorKept.length ? (
        <div data-testid="import-kept">
          <p className="font-semibold">{t.keptTitle(editorKept.length)}</p>
          <ul className="list-disc pl-5">
            {editorKept.map((k) => (
              <li key={k.slug}>
                <code>{k.slug}</code>: {fields(k.fields)}
                {k.conflicts.length ? <span className="text-accent"> — {t.conflicts(fields(k.conflicts))}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {deletedInMasthead.length ? <p>{t.deleted(deletedInMasthead.join(", #"))}</p> : null}
    </div>
  );
}

export function ImportUpload({ accessOptions, defaultAccess }: { accessOptions: Option[]; defaultAccess: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [access, setAccess] = useState(defaultAccess);
  const [dryRun, setDryRun] = useState(true);
  const [navSections, setNavSections] = useState("");
  const [pct, setPct] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busy = pct !== null && outcome === null;
  const labelOf = (value: string) => accessOptions.find((o) => o.value === value)?.label ?? value;
  return (
    <form
      className="flex flex-col gap-3 rounded border border-rule bg-white p-4"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return;
        setOutcome(null);
        setPct(0);
        setOutcome(await upload(file, { protectedAccess: access, dryRun, navSections }, setPct));
      }}
    >
      <LabeledControl label="WXR 파일">
        <input type="file" accept=".xml,application/xml,text/xml" className={inputClass} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </LabeledControl>
      <Field label={t.protectedLabel} htmlFor="protectedAccess" hint={t.protectedHint}>
        <select id="protectedAccess" name="protectedAccess" value={access} onChange={(e) => setAccess(e.target.value)} className={inputClass}>
          <OptionList options={accessOptions} />
        </select>
      </Field>
      <Field label={t.navLabel} htmlFor="navSections" hint={t.navHint}>
        <input id="navSections" name="navSections" value={navSections} onChange={(e) => setNavSections(e.target.value)} className={inputClass} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="dryRun" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
        {t.dryRunLabel}
      </label>
      <button type="submit" disabled={!file || busy} className={buttonClass}>
        {dryRun ? t.preview : t.submit}
      </button>
      <UploadProgress pct={pct} afterUpload={outcome ? "완료" : "업로드 완료, 가져오는 중…"} />
      {outcome?.ok ? (
        <pre role="status" className="whitespace-pre-wrap rounded bg-green-50 p-3 text-sm" data-testid="import-result">
          {outcome.summary}
        </pre>
      ) : null}
      {outcome?.ok && outcome.report ? <ReportDetails report={outcome.report} labelOf={labelOf} /> : null}
      <InlineAlert block message={outcome && !outcome.ok ? outcome.message : null} testId="import-error" />
    </form>
  );
}
