import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { resolveCheckoutPlan } from "@/lib/billing/checkout-plan";
import { demoIntentKey } from "@/lib/billing/demo/deliver";
import { demoPeriodEnd } from "@/lib/billing/demo/events";
import { toStripeInterval, verifyDemoIntent } from "@/lib/billing/demo/intent";
import { isStripeConfigured } from "@/lib/billing/stripe/client";
import { getEnv } from "@/lib/env";
import { dict, localePath } from "@/lib/i18n";
import { formatPrice } from "@/lib/pricing/format";
import { resolvePlanBenefits } from "@/lib/pricing/plan-copy";
import { pricingHref, resolveReturnTo } from "@/lib/routing/return-to";
import { pageContext, pageLang, type PageParams } from "../../lang";
import { DemoPayForm } from "./_components/demo-pay-form";
import { OrderSummary } from "./_components/order-summary";

export const dynamic = "force-dynamic";

type Props = { params: Promise<PageParams>; searchParams: Promise<{ intent?: string | string[]; returnTo?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: dict(await pageLang(params)).billing.checkoutTitle, robots: { index: false } };
}

// Stands in for Stripe Checkout when no Stripe keys are set. The signed intent from
// POST /api/billing/checkout is the only input trusted: tier and interval come from it.
export default async function DemoCheckoutPage({ params, searchParams }: Props) {
  const { pub, lang } = await pageContext(params);
  const t = dict(lang).billing;
  if (isStripeConfigured()) notFound();
  const viewer = await getViewer(pub.id);
  const sp = await searchParams;
  // Where "start reading" goes after paying: the piece the reader came from, if a same-site path.
  const returnTo = resolveReturnTo(Array.isArray(sp.returnTo) ? sp.returnTo[0] : sp.returnTo);
  if (!viewer.signedIn) redirect(`${localePath(lang, "/signin")}?callbackUrl=${encodeURIComponent(pricingHref(lang, returnTo))}`);

  const raw = sp.intent;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const now = new Date();
  const check = verifyDemoIntent(token, demoIntentKey(), now);
  const intent = check.ok ? check.intent : null;
  // A plan of this publication only: an intent signed on another publication's host is not offered here.
  const plan = intent && intent.publicationId === pub.id ? resolveCheckoutPlan(pub, viewer.tiers, intent.tier, intent.interval) : null;
  const problem = !intent ? t.intentInvalid : intent.memberId !== viewer.member.id ? t.intentOther : !plan ? t.planGone : null;
  if (problem || !intent || !plan) {
    return (
      <div className="mx-auto flex max-w-md flex-col gap-4 py-8" data-testid="demo-checkout-problem">
        <h1 className="headline text-3xl font-bold">{t.checkoutTitle}</h1>
        <p role="alert">{problem}</p>
        <Link href={pricingHref(lang, returnTo)} className="self-start rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark">
          {t.back}
        </Link>
      </div>
    );
  }

  const tierName = lang === "en" ? plan.tier.nameEn : plan.tier.name;
  const priceLabel = formatPrice(plan.amount, plan.currency, lang);
  const start = Math.floor(now.getTime() / 1000);
  const renewsAt = new Date(
    demoPeriodEnd(start, { interval: toStripeInterval(plan.interval), periodSeconds: getEnv().MASTHEAD_DEMO_PERIOD_SECONDS ?? null }) * 1000,
  );
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <Link href={pricingHref(lang, returnTo)} className="text-sm text-muted hover:underline">
          ← {t.back}
        </Link>
        <span className="rounded bg-gold px-2 py-0.5 text-xs font-bold uppercase tracking-wide text-white">{t.demoBadge}</span>
      </div>
      <h1 className="sr-only">{t.checkoutTitle}</h1>
      <p className="rounded border border-gold/40 bg-amber-50 px-4 py-3 text-sm">{t.demoNotice}</p>
      <div className="grid overflow-hidden rounded-lg border border-rule bg-white shadow-sm md:grid-cols-2">
        <div className="bg-black/[0.03] p-6 md:p-10">
          <OrderSummary
            lang={lang}
            timeZone={pub.timeZone}
            tierName={tierName}
            interval={plan.interval}
            priceLabel={priceLabel}
            renewsAt={renewsAt}
            benefits={resolvePlanBenefits(lang === "en" ? plan.tier.benefitsEn : plan.tier.benefits, plan.tier.canComment, dict(lang).pricing.comments)}
          />
        </div>
        <div className="p-6 md:p-10">
          <DemoPayForm
            lang={lang}
            intent={token}
            returnTo={returnTo}
            email={viewer.member.email}
            name={viewer.member.name ?? viewer.member.email.split("@")[0]}
            amountLabel={priceLabel}
          />
        </div>
      </div>
    </div>
  );
}
