"use client";

import { useId, useState } from "react";
import { checkCommentBody, commentLength, MAX_COMMENT_LENGTH, normalizeCommentBody } from "@/lib/comments/body";
import type { Dictionary } from "@/lib/i18n";

type Props = {
  t: Dictionary["comments"];
  label: string;
  submitLabel: string;
  initial?: string;
  autoFocus?: boolean;
  // Resolves to an error message to show, or null when the text was accepted.
  onSubmit: (body: string) => Promise<string | null>;
  onCancel?: () => void;
};

// The same form posts, replies and edits. It runs the server's own body rules first (pure, shared)
// so obvious mistakes are caught without a request; the server stays the authority.
export function CommentComposer({ t, label, submitLabel, initial = "", autoFocus, onSubmit, onCancel }: Props) {
  const id = useId();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const left = MAX_COMMENT_LENGTH - commentLength(normalizeCommentBody(text));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const check = checkCommentBody(text);
    if (!check.ok) return setError(check.error === "empty" ? t.errors.empty : t.errors.tooLong(MAX_COMMENT_LENGTH));
    setBusy(true);
    const failure = await onSubmit(check.body);
    setBusy(false);
    setError(failure);
    if (!failure && !initial) setText("");
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-2" data-testid="comment-form">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <textarea
        id={id}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t.placeholder}
        rows={initial ? 4 : 3}
        autoFocus={autoFocus}
        dir="auto"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        className="w-full rounded border border-rule bg-white p-3 [unicode-bidi:plaintext]"
      />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span id={`${id}-hint`} className={left < 0 ? "font-semibold text-accent-dark" : "text-muted"} aria-live="polite">
          {t.remaining(left)}
        </span>
        {error ? (
          <span role="alert" className="font-semibold text-accent-dark">
            {error}
          </span>
        ) : null}
        <span className="ml-auto flex gap-2">
          {onCancel ? (
            <button type="button" onClick={onCancel} className="rounded border border-ink px-3 py-1">
              {t.cancel}
            </button>
          ) : null}
          <button type="submit" disabled={busy} className="rounded bg-ink px-4 py-1 font-semibold text-white disabled:opacity-60">
            {busy ? t.submitting : submitLabel}
          </button>
        </span>
      </div>
    </form>
  );
}
