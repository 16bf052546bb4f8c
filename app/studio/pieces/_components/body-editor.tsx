"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { dict } from "@/lib/i18n";
import type { ActionError } from "@/lib/studio/action-result";
import { imageMarkdown, insertBlock, insertLink, insertPaywallMarker, prefixLines, wrapSelection, type EditState } from "@/lib/studio/markdown-edits";
import { FieldError, ghostButtonClass, inputClass } from "../../_components/ui";
import { uploadImage } from "./upload-image";

const t = dict("ko").studioEditor;

// The Markdown body with a formatting toolbar. Every edit is a pure function of the text and the
// selection (lib/studio/markdown-edits.ts); this component only applies it and puts the caret back.
// Images (button, paste, drop) go through the studio's upload route and land at the cursor.
export function BodyEditor({ value, onChange, error }: { value: string; onChange: (v: string) => void; error: ActionError | null }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const pendingSelection = useRef<[number, number] | null>(null);
  const [uploadStatus, setUploadStatus] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !pendingSelection.current) return;
    el.focus();
    el.setSelectionRange(...pendingSelection.current);
    pendingSelection.current = null;
  }, [value]);

  const current = (): EditState => {
    const el = ref.current;
    return { text: el?.value ?? value, start: el?.selectionStart ?? value.length, end: el?.selectionEnd ?? value.length };
  };
  const apply = (edit: (s: EditState) => EditState) => {
    const next = edit(current());
    pendingSelection.current = [next.start, next.end];
    onChange(next.text);
  };

  const addImages = async (files: File[]) => {
    for (const file of files.filter((f) => f.type.startsWith("image/"))) {
      setUploadError(null);
      setUploadStatus(t.uploading);
      const result = await uploadImage(file);
      setUploadStatus(null);
      if ("url" in result) apply((s) => insertBlock(s, imageMarkdown(file.name.replace(/\.[a-z0-9]+$/i, "") || t.imageAlt, result.url)));
      else setUploadError(result.message ?? t.uploadFailed(result.status));
    }
  };

  const link = () => {
    const url = window.prompt(t.linkPrompt, "https://");
    if (url && url.trim() && url.trim() !== "https://") apply((s) => insertLink(s, url, t.placeholders.link));
  };

  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label htmlFor="body" className="text-sm font-semibold">
          본문 (Markdown)
        </label>
        <div role="toolbar" aria-label={t.toolbar.label} className="flex flex-wrap gap-1">
          <ToolButton label={t.toolbar.bold} onClick={() => apply((s) => wrapSelection(s, "**", t.placeholders.bold))} />
          <ToolButton label={t.toolbar.italic} onClick={() => apply((s) => wrapSelection(s, "*", t.placeholders.italic))} />
          <ToolButton label={t.toolbar.heading} onClick={() => apply((s) => prefixLines(s, "## "))} />
          <ToolButton label={t.toolbar.link} onClick={link} />
          <ToolButton label={t.toolbar.quote} onClick={() => apply((s) => prefixLines(s, "> "))} />
          <ToolButton label={t.toolbar.list} onClick={() => apply((s) => prefixLines(s, "- "))} />
          <ToolButton label={t.toolbar.image} onClick={() => fileRef.current?.click()} />
          <ToolButton label={t.toolbar.paywall} onClick={() => apply(insertPaywallMarker)} />
        </div>
      </div>
      <input
        ref={fileRef}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
        className="hidden"
        data-testid="body-image-file"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = "";
          void addImages(files);
        }}
      />
      <textarea
        ref={ref}
        id="body"
        name="body"
        rows={22}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onPaste={(e) => {
          const files = [...e.clipboardData.files].filter((f) => f.type.startsWith("image/"));
          if (files.length === 0) return;
          e.preventDefault();
          void addImages(files);
        }}
        onDragOver={(e) => {
          if ([...e.dataTransfer.items].some((i) => i.kind === "file")) e.preventDefault();
        }}
        onDrop={(e) => {
          const files = [...e.dataTransfer.files].filter((f) => f.type.startsWith("image/"));
          if (files.length === 0) return;
          e.preventDefault();
          void addImages(files);
        }}
        className={`${inputClass} font-mono leading-relaxed`}
      />
      {uploadStatus ? (
        <p role="status" className="text-xs text-muted">
          {uploadStatus}
        </p>
      ) : null}
      {uploadError ? (
        <p role="alert" className="text-xs text-accent" data-testid="error-bodyImage">
          {uploadError}
        </p>
      ) : null}
      <p className="text-xs text-muted">
        페이월 표시가 없으면 처음 N문단이 미리보기로 공개됩니다. 표시는 한 번만 둘 수 있습니다 (다시 삽입하면 옮겨집니다). {t.dropHint}
      </p>
      <FieldError error={error} field="body" />
    </div>
  );
}

function ToolButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className={`${ghostButtonClass} px-2 py-1 text-xs`}>
      {label}
    </button>
  );
}
