"use client";

import { useActionState, useState } from "react";
import { managePrivateFeedAction, type PrivateFeedState, type PrivateFeedStatus } from "@/lib/feeds/actions";
import { feedMessages } from "@/lib/feeds/messages";
import { formatDate, type UiLang } from "@/lib/i18n";

type Props = { lang: UiLang; timeZone: string; eligible: boolean; initial: PrivateFeedStatus };

export function PrivateFeedPanel({ lang, timeZone, eligible, initial }: Props) {
  const m = feedMessages(lang);
  const [state, formAction, pending] = useActionState<PrivateFeedState, FormData>(managePrivateFeedAction, null);
  const [copied, setCopied] = useState<string | null>(null);
  const status = state?.ok ? state.data : initial;
  const justRevoked = state?.ok === true && state.data.live === null;

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(url);
    } catch {
      setCopied(null);
    }
  };

  return (
    <form action={formAction} className="flex flex-col gap-3 rounded border border-rule bg-white p-5">
      <input type="hidden" name="lang" value={lang} />
      {status.url ? (
        <div className="flex flex-col gap-2">
          <label htmlFor="private-feed-url" className="font-semibold">
            {m.newUrl}
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id="private-feed-url"
              data-testid="private-feed-url"
              readOnly
              value={status.url}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded border border-ink px-3 py-2 font-mono text-sm"
            />
            <button type="button" onClick={() => copy(status.url!)} className="rounded border border-ink px-4 py-2 font-semibold hover:bg-black/5">
              {copied === status.url ? m.copied : m.copy}
            </button>
          </div>
        </div>
      ) : (
        <p data-testid="private-feed-status">{status.live ? m.live(formatDate(status.live.createdAt, lang, timeZone)) : justRevoked ? m.revoked : m.none}</p>
      )}
      <p role="status" aria-live="polite" className="text-sm text-accent">
        {state && !state.ok ? state.error.message : ""}
      </p>
      <div className="flex flex-wrap gap-3">
        {eligible ? (
          <button
            type="submit"
            name="intent"
            value="rotate"
            disabled={pending}
            className="rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark disabled:opacity-60"
          >
            {status.live ? m.rotate : m.create}
          </button>
        ) : null}
        {status.live ? (
          <button
            type="submit"
            name="intent"
            value="revoke"
            disabled={pending}
            className="rounded border border-ink px-4 py-2 font-semibold hover:bg-black/5 disabled:opacity-60"
          >
            {m.revoke}
          </button>
        ) : null}
      </div>
    </form>
  );
}
