import Link from "next/link";
import { ANON_SLUG } from "@/lib/access/tiers";
import { dict, type UiLang } from "@/lib/i18n";
import { pricingHref, signInHref } from "@/lib/routing/return-to";
import { articlePath } from "@/lib/seo/urls";
import type { TierView } from "@/lib/articles/view-models";

type Props = { access: string; requiredTier: TierView | null; renderTier: Pick<TierView, "slug" | "name" | "nameEn">; slug: string; lang: UiLang };

const primary = "rounded bg-accent px-5 py-2 font-semibold text-white hover:bg-accent-dark";
const secondary = "rounded border border-ink px-5 py-2 font-semibold hover:bg-black/5";

// The upsell shown in place of the gated part. It is part of the cached per-tier render, so it
// speaks to the tier, never to a particular reader: the anonymous render invites sign-in, every
// signed-in tier's render (free or a lower paid tier) calls for the upgrade instead. Both links
// carry the piece, so sign-in and checkout bring the reader back here.
export function Paywall({ access, requiredTier, renderTier, slug, lang }: Props) {
  const t = dict(lang);
  const membersOnly = access === "free";
  const signedIn = renderTier.slug !== ANON_SLUG;
  const tierName = requiredTier ? (lang === "en" ? requiredTier.nameEn : requiredTier.name) : access;
  const here = articlePath(slug);
  const body = membersOnly
    ? t.paywall.membersBody
    : signedIn
      ? t.paywall.upgradeBody(lang === "en" ? renderTier.nameEn : renderTier.name, tierName)
      : t.paywall.body;
  return (
    <aside
      aria-labelledby="paywall-heading"
      className="relative rounded border-2 border-ink bg-white p-6 text-center"
      data-testid="paywall"
      data-audience={signedIn ? "member" : "anonymous"}
    >
      {/* The fade ends at the border's outer edge (the box has a 2px border); ending at the padding edge painted over the top border. */}
      <div aria-hidden="true" className="pointer-events-none absolute inset-x-0 top-[calc(-6rem-2px)] h-24 bg-gradient-to-b from-transparent to-paper" />
      <h2 id="paywall-heading" className="headline text-xl font-bold">
        {membersOnly ? t.paywall.membersTitle : t.paywall.title(tierName)}
      </h2>
      <p className="mt-2 text-muted">{body}</p>
      <div className="mt-4 flex flex-wrap justify-center gap-3">
        {membersOnly ? (
          <Link href={signInHref(lang, here)} className={primary}>
            {t.paywall.signUpFree}
          </Link>
        ) : (
          <Link href={pricingHref(lang, here)} className={primary}>
            {signedIn ? t.paywall.upgrade(tierName) : t.paywall.subscribe}
          </Link>
        )}
        {signedIn ? null : (
          <Link href={signInHref(lang, here)} className={secondary}>
            {t.paywall.signIn}
          </Link>
        )}
      </div>
    </aside>
  );
}
