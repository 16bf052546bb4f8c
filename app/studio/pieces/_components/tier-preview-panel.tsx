"use client";

import { useEffect, useState, useTransition } from "react";
import type { TierPreview } from "@/lib/studio/tier-preview";
import { previewPieceAction } from "../actions";

type Input = { body: string; access: string; unlockAt: string | null; previewParagraphs: number };

// Asks the server what every tier's cached render would show, a moment after typing stops; the
// server uses the same cut and rules as the reader page, so the preview cannot drift from it.
export function TierPreviewPanel({ input }: { input: Input }) {
  const [previews, setPreviews] = useState<TierPreview[]>([]);
  const [active, setActive] = useState("anon");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const key = JSON.stringify(input);
  useEffect(() => {
    const handle = setTimeout(() => {
      startTransition(async () => {
        const res = await previewPieceAction(JSON.parse(key) as Input);
        if (res.ok) {
          setPreviews(res.data);
          setError(null);
        } else setError(res.error.message);
      });
    }, 400);
    return () => clearTimeout(handle);
  }, [key]);
  const shown = previews.find((p) => p.tier === active) ?? previews[0];
  return (
    <section aria-label="등급별 미리보기" className="flex flex-col gap-2 rounded border border-rule bg-white p-3" data-testid="tier-preview">
      <div role="tablist" className="flex flex-wrap gap-1">
        {previews.map((p) => (
          <button
            key={p.tier}
            type="button"
            role="tab"
            aria-selected={p.tier === shown?.tier}
            onClick={() => setActive(p.tier)}
            className={`rounded px-2 py-1 text-xs ${p.tier === shown?.tier ? "bg-ink text-white" : "border border-rule"}`}
          >
            {p.label} {p.readable ? "· 전문" : "· 미리보기"}
          </button>
        ))}
        {pending ? <span className="text-xs text-muted">갱신 중…</span> : null}
      </div>
      {error ? <p className="text-sm text-accent">{error}</p> : null}
      {shown ? (
        <div role="tabpanel" data-tier={shown.tier} data-readable={shown.readable}>
          <div className="prose-body max-h-[36rem] overflow-auto text-sm" dangerouslySetInnerHTML={{ __html: shown.html }} />
          {shown.cut ? (
            <p className="mt-3 border-t border-dashed border-accent pt-2 text-xs text-accent">— 여기서부터 이 등급에는 유료 안내가 보입니다 —</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
