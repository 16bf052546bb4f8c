"use client";

import { useState, useTransition } from "react";
import { dict } from "@/lib/i18n";
import { formatInstant, ghostButtonClass, inputClass } from "../../_components/ui";
import { createPreviewLinkAction, revokePreviewLinksAction } from "../history-actions";
import { useStudioTimeZone } from "../../_components/studio-clock";

const t = dict("ko").studioEditor.previewLinks;

// Issue a signed draft link for someone without an account, or revoke every link of the piece.
export function PreviewLinks({ pieceId }: { pieceId: number }) {
  const timeZone = useStudioTimeZone();
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<void>) => {
    setError(null);
    setNote(null);
    startTransition(work);
  };
  return (
    <section aria-labelledby="preview-links-title" className="flex flex-col gap-2 rounded border border-rule bg-white p-3 text-sm" data-testid="preview-links">
      <h2 id="preview-links-title" className="font-semibold">
        {t.title}
      </h2>
      <p className="text-xs text-muted">{t.hint}</p>
      {link ? (
        <div className="flex flex-col gap-1">
          <div className="flex gap-2">
            <input
              readOnly
              value={link.url}
              aria-label={t.title}
              data-testid="preview-url"
              className={`${inputClass} font-mono text-xs`}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              className={ghostButtonClass}
              onClick={() =>
                void navigator.clipboard?.writeText(link.url).then(
                  () => setNote(t.copied),
                  () => undefined,
                )
              }
            >
              {t.copy}
            </button>
          </div>
          <span className="text-xs text-muted">{t.expires(formatInstant(link.expiresAt, timeZone))}</span>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={pending}
          className={ghostButtonClass}
          onClick={() =>
            run(async () => {
              const res = await createPreviewLinkAction(pieceId);
              if (res.ok) setLink(res.data);
              else setError(res.error.message);
            })
          }
        >
          {t.create}
        </button>
        <button
          type="button"
          disabled={pending}
          className={`${ghostButtonClass} text-accent`}
          onClick={() => {
            if (!window.confirm(t.revokeConfirm)) return;
            run(async () => {
              const res = await revokePreviewLinksAction(pieceId);
              if (res.ok) {
                setLink(null);
                setNote(t.revoked);
              } else setError(res.error.message);
            });
          }}
        >
          {t.revoke}
        </button>
      </div>
      {note ? (
        <p role="status" className="text-xs text-green-800">
          {note}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-accent">
          {error}
        </p>
      ) : null}
    </section>
  );
}
