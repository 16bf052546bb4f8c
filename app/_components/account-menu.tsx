"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { localePath, type UiLang } from "@/lib/i18n/lang";

type Me =
  | { signedIn: false; tier: "anon" }
  | { signedIn: true; email: string; tier: string; tierName: { ko: string; en: string } | null; until: string | null; epoch: number; role: string };

const POLL_MS = 60_000;

// The only personal part of shared pages: fetched from /api/me after load, so cached renders stay
// the same for every reader. It also keeps the page honest when access changes: a new tier or
// epoch (upgrade, revoke) or the `until` instant passing triggers a refresh, which makes the
// proxy serve the render of the new tier.
export function AccountMenu({ lang, labels }: { lang: UiLang; labels: { signIn: string; account: string } }) {
  const router = useRouter();
  const [me, setMe] = useState<Me | null>(null);
  const seen = useRef<string | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const load = async () => {
      try {
        const res = await fetch("/api/me", { cache: "no-store" });
        if (!res.ok) return;
        const next = (await res.json()) as Me;
        if (stopped) return;
        const key = next.signedIn ? `${next.tier}:${next.epoch}` : "anon";
        if (seen.current !== null && seen.current !== key) {
          // An article's tier is part of its root layout's params, which a soft refresh cannot
          // swap; reload those pages, refresh the rest.
          if (window.location.pathname.startsWith("/articles/")) window.location.reload();
          else router.refresh();
        }
        seen.current = key;
        setMe(next);
        clearTimeout(timer);
        const untilMs = next.signedIn && next.until ? new Date(next.until).getTime() - Date.now() : Infinity;
        timer = setTimeout(load, Math.max(1_000, Math.min(POLL_MS, untilMs + 500)));
      } catch {
        timer = setTimeout(load, POLL_MS);
      }
    };
    load();
    const onFocus = () => load();
    window.addEventListener("focus", onFocus);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener("focus", onFocus);
    };
  }, [router]);

  // The placeholder and both menus share one box height, and nothing wraps, so the header (and
  // everything under it) does not move when the personal part arrives after load.
  if (!me) return <span className="inline-block h-8 w-16" aria-hidden="true" />;
  if (!me.signedIn) {
    return (
      <Link
        href={localePath(lang, "/signin")}
        className="inline-flex h-8 items-center whitespace-nowrap rounded border border-ink bg-ink px-3 font-semibold text-white hover:bg-black"
      >
        {labels.signIn}
      </Link>
    );
  }
  const tierLabel = me.tierName ? me.tierName[lang] : null;
  return (
    <Link
      href={localePath(lang, "/account")}
      className="inline-flex h-8 items-center whitespace-nowrap rounded border border-ink px-3 font-semibold hover:bg-black/5"
      data-testid="account-menu"
      data-tier={me.tier}
    >
      {labels.account}
      {/* The tier is spelled out from small tablets up; on phones it would push the header to two lines. */}
      {tierLabel ? <span className="ml-1 hidden font-normal text-muted sm:inline">· {tierLabel}</span> : null}
    </Link>
  );
}
