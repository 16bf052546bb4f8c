import Link from "next/link";
import { getDb } from "@/db/client";
import { listMemberSubscriptions } from "@/db/queries/billing";
import { resolveGrantStatus } from "@/lib/access";
import { toGrantLike } from "@/lib/auth/member-access";
import { getCheckoutSubscription } from "@/lib/billing/stripe/checkout";
import { getStripe } from "@/lib/billing/stripe/client";
import { isBillingSource } from "@/lib/billing/provider";
import { resolveRenewal } from "@/lib/billing/subscription-view";
import { dict, formatDate, localePath } from "@/lib/i18n";
import { pageContext, type PageParams } from "../../lang";
import { resolveReturnTo } from "@/lib/routing/return-to";
import { RefreshOnMount } from "./_components/refresh-on-mount";
import { privatePageMetadata, signedInViewer, firstParam } from "../../_lib/private-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<PageParams>; searchParams: Promise<{ sub?: string | string[]; session_id?: string | string[]; returnTo?: string | string[] }> };

export const generateMetadata = privatePageMetadata((lang) => dict(lang).billing.checkoutTitle);

// After Stripe Checkout (?session_id=…) or the demo (?sub=…): confirms what the member now holds,
// read from their grants, never from the URL — the URL only says which subscription to show first.
export default async function CheckoutSuccessPage({ params, searchParams }: Props) {
  const { pub, lang } = await pageContext(params);
  const t = dict(lang).billing;
  const viewer = await signedInViewer(pub.id, lang, localePath(lang, "/account"));
  const now = new Date();
  const sp = await searchParams;
  const stripe = getStripe();
  const sessionId = firstParam(sp.session_id);
  const wanted = stripe && sessionId ? await getCheckoutSubscription(stripe, sessionId, viewer.member.id) : firstParam(sp.sub);
  const subs = (await listMemberSubscriptions(await getDb(), viewer.member.id)).filter((s) => s.publicationId === null || s.publicationId === pub.id);
  // The named subscription may not be stored yet (Stripe's webhook still on its way): then wait
  // for it rather than show an older one.
  const sub = wanted ? (subs.find((s) => s.id === wanted) ?? null) : (subs.find((s) => s.tierSlug !== null) ?? null);
  const grant = sub ? viewer.grants.find((g) => isBillingSource(g.source) && g.sourceRef === sub.id) : undefined;
  const active = grant !== undefined && resolveGrantStatus(toGrantLike(grant), now) === "active";
  const tier = grant ? viewer.tiers.find((x) => x.slug === grant.tierSlug) : undefined;
  const tierName = tier ? (lang === "en" ? tier.nameEn : tier.name) : (grant?.tierSlug ?? "");
  const renewal = sub && grant?.endsAt ? resolveRenewal(sub, grant.endsAt) : null;

  return (
    <div className="mx-auto flex max-w-xl flex-col gap-5 py-8" data-testid="checkout-success" data-state={active ? "active" : "pending"}>
      <RefreshOnMount pending={!active} />
      {active ? (
        <>
          <h1 className="headline text-3xl font-bold" data-testid="success-tier" data-tier={grant.tierSlug}>
            {t.successTitle(tierName)}
          </h1>
          <p>{t.successBody}</p>
          {renewal ? (
            <p className="font-semibold" data-testid="success-date">
              {renewal.renews ? t.renewsOn(formatDate(renewal.at, lang, pub.timeZone)) : t.endsOn(formatDate(renewal.at, lang, pub.timeZone))}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <h1 className="headline text-3xl font-bold">{t.pendingTitle}</h1>
          <p aria-live="polite">{t.pendingBody}</p>
        </>
      )}
      <div className="flex flex-wrap gap-3">
        <Link
          href={resolveReturnTo(firstParam(sp.returnTo)) ?? localePath(lang, "/")}
          className="rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark"
        >
          {t.startReading}
        </Link>
        <Link href={localePath(lang, "/account")} className="rounded border border-ink px-4 py-2 font-semibold hover:bg-black/5">
          {t.toAccount}
        </Link>
      </div>
    </div>
  );
}
