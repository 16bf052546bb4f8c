import { notFound } from "next/navigation";
import { resolveCheckoutPlan } from "@/lib/billing/checkout-plan";
import { demoIntentKey } from "@/lib/billing/demo/deliver";
import { demoPeriodEnd } from "@/lib/billing/demo/events";
import { toStripeInterval, verifyDemoIntent } from "@/lib/billing/demo/intent";
import { isStripeConfigured } from "@/lib/billing/stripe/client";
import { getEnv } from "@/lib/env";
import { dict } from "@/lib/i18n";
import { formatPrice } from "@/lib/pricing/format";
import { resolvePlanBenefits } from "@/lib/pricing/plan-copy";
import { pricingHref, resolveReturnTo } from "@/lib/routing/return-to";
import { pageContext, type PageParams } from "../../lang";
import { DemoPayForm } from "./_components/demo-pay-form";
import { OrderSummary } from "./_components/order-summary";
import { CheckoutFrame, CheckoutProblem } from "../_components/checkout-frame";
import { firstParam, privatePageMetadata, signedInViewer } from "../../_lib/private-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<PageParams>; searchParams: Promise<{ intent?: string | string[]; returnTo?: string | string[] }> };

export const generateMetadata = privatePageMetadata((lang) => dict(lang).billing.checkoutTitle);

// Stands in for Stripe Checkout when no Stripe keys are set. The signed intent from
// POST /api/billing/checkout is the only input trusted: tier and interval come from it.
export default async function DemoCheckoutPage({ params, searchParams }: Props) {
  const { pub, lang } = await pageContext(params);
  const t = dict(lang).billing;
  if (isStripeConfigured()) notFound();
  const sp = await searchParams;
  // Where "start reading" goes after paying: the piece the reader came from, if a same-site path.
  const returnTo = resolveReturnTo(firstParam(sp.returnTo));
  const viewer = await signedInViewer(pub.id, lang, pricingHref(lang, returnTo));

  const token = firstParam(sp.intent) ?? "";
  const now = new Date();
  const check = verifyDemoIntent(token, demoIntentKey(), now);
  const intent = check.ok ? check.intent : null;
  // A plan of this publication only: an intent signed on another publication's host is not offered here.
  const plan = intent && intent.publicationId === pub.id ? resolveCheckoutPlan(pub, viewer.tiers, intent.tier, intent.interval) : null;
  const problem = !intent ? t.intentInvalid : intent.memberId !== viewer.member.id ? t.intentOther : !plan ? t.planGone : null;
  if (problem || !intent || !plan) {
    return (
      <CheckoutProblem title={t.checkoutTitle} problem={problem} backHref={pricingHref(lang, returnTo)} backLabel={t.back} testId="demo-checkout-problem" />
    );
  }

  const tierName = lang === "en" ? plan.tier.nameEn : plan.tier.name;
  const priceLabel = formatPrice(plan.amount, plan.currency, lang);
  const start = Math.floor(now.getTime() / 1000);
  const renewsAt = new Date(
    demoPeriodEnd(start, { interval: toStripeInterval(plan.interval), periodSeconds: getEnv().MASTHEAD_DEMO_PERIOD_SECONDS ?? null }) * 1000,
  );
  return (
    <CheckoutFrame
      title={t.checkoutTitle}
      backHref={pricingHref(lang, returnTo)}
      backLabel={t.back}
      standIn={{ badge: t.demoBadge, notice: t.demoNotice }}
      order={
        <OrderSummary
          lang={lang}
          timeZone={pub.timeZone}
          tierName={tierName}
          interval={plan.interval}
          priceLabel={priceLabel}
          renewsAt={renewsAt}
          benefits={resolvePlanBenefits(lang === "en" ? plan.tier.benefitsEn : plan.tier.benefits, plan.tier.canComment, dict(lang).pricing.comments)}
        />
      }
      payment={
        <DemoPayForm
          lang={lang}
          intent={token}
          returnTo={returnTo}
          email={viewer.member.email}
          name={viewer.member.name ?? viewer.member.email.split("@")[0]}
          amountLabel={priceLabel}
        />
      }
    />
  );
}
