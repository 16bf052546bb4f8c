import Link from "next/link";
import { dict, localePath, type UiLang } from "@/lib/i18n";
import type { TierView } from "@/lib/articles/view-models";

// The upsell shown in place of the gated part. It is part of the cached per-tier render, so it
// speaks to the tier, never to a particular reader.
export function Paywall({ access, requiredTier, lang }: { access: string; requiredTier: TierView | null; lang: UiLang }) {
  const t = dict(lang);
  const membersOnly = access === "free";
  const tierName = requiredTier ? (lang === "en" ? requiredTier.nameEn : requiredTier.name) : access;
  return (
    <aside aria-labelledby="paywall-heading" className="relative rounded border-2 border-ink bg-white p-6 text-center" data-testid="paywall">
      <div aria-hidden="true" className="pointer-events-none absolute inset-x-0 -top-24 h-24 bg-gradient-to-b from-transparent to-paper" />
      <h2 id="paywall-heading" className="headline text-xl font-bold">
        {membersOnly ? t.paywall.membersTitle : t.paywall.title(tierName)}
      </h2>
      <p className="mt-2 text-muted">{membersOnly ? t.paywall.membersBody : t.paywall.body}</p>
      <div className="mt-4 flex flex-wrap justify-center gap-3">
        {membersOnly ? (
          <Link href={localePath(lang, "/signin")} className="rounded bg-accent px-5 py-2 font-semibold text-white hover:bg-accent-dark">
            {t.paywall.signUpFree}
          </Link>
        ) : (
          <Link href={localePath(lang, "/pricing")} className="rounded bg-accent px-5 py-2 font-semibold text-white hover:bg-accent-dark">
            {t.paywall.subscribe}
          </Link>
        )}
        <Link href={localePath(lang, "/signin")} className="rounded border border-ink px-5 py-2 font-semibold hover:bg-black/5">
          {t.paywall.signIn}
        </Link>
      </div>
    </aside>
  );
}
