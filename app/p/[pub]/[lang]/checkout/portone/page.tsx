import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { resolveCheckoutPlan } from "@/lib/billing/checkout-plan";
import { demoIntentKey } from "@/lib/billing/demo/deliver";
import { verifyDemoIntent } from "@/lib/billing/demo/intent";
import { isPortOneConfigured, portoneSettings } from "@/lib/billing/portone/config";
import { portoneText } from "@/lib/billing/portone/messages";
import { krwPriceProblem, periodEnd } from "@/lib/billing/portone/periods";
import { vatIncluded } from "@/lib/billing/portone/payment-facts";
import { portoneCustomerId } from "@/lib/billing/portone/subscription-state";
import { publicationProvider } from "@/lib/billing/provider";
import { getEnv } from "@/lib/env";
import { dict, localePath } from "@/lib/i18n";
import { formatPrice } from "@/lib/pricing/format";
import { pageContext, type PageParams } from "../../lang";
import { OrderSummary } from "../demo/_components/order-summary";
import { PortOnePayForm } from "./_components/portone-pay-form";
import { CheckoutFrame, CheckoutProblem } from "../_components/checkout-frame";
import { privatePageMetadata, signedInViewer, firstParam } from "../../_lib/private-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<PageParams>; searchParams: Promise<{ intent?: string | string[] }> };

export const generateMetadata = privatePageMetadata((lang) => portoneText(lang).title);

// Checkout of a publication that sells through PortOne (design §12): the order in KRW with its VAT,
// then PortOne's window (browser SDK, billing key) — or, without PortOne keys, the stand-in's form.
export default async function PortOneCheckoutPage({ params, searchParams }: Props) {
  const { pub, lang } = await pageContext(params);
  const t = portoneText(lang);
  const b = dict(lang).billing;
  if ((await publicationProvider(await getDb(), pub.id)) !== "portone") notFound();
  const viewer = await signedInViewer(pub.id, lang, localePath(lang, "/pricing"));
  const token = firstParam((await searchParams).intent) ?? "";
  const now = new Date();
  const check = verifyDemoIntent(token, demoIntentKey(), now);
  const intent = check.ok && check.intent.publicationId === pub.id ? check.intent : null;
  const plan = intent ? resolveCheckoutPlan(pub, viewer.tiers, intent.tier, intent.interval) : null;
  const problem = !intent
    ? b.intentInvalid
    : intent.memberId !== viewer.member.id
      ? b.intentOther
      : !plan
        ? b.planGone
        : krwPriceProblem(plan.amount, plan.currency);
  if (problem || !intent || !plan) {
    return <CheckoutProblem title={t.title} problem={problem} backHref={localePath(lang, "/pricing")} backLabel={b.back} testId="portone-checkout-problem" />;
  }
  const configured = isPortOneConfigured();
  const settings = portoneSettings();
  const priceLabel = formatPrice(plan.amount, plan.currency, lang);
  const renewsAt = periodEnd(now, plan.interval, configured ? null : (getEnv().MASTHEAD_DEMO_PERIOD_SECONDS ?? null));
  return (
    <CheckoutFrame
      title={t.title}
      backHref={localePath(lang, "/pricing")}
      backLabel={b.back}
      standIn={configured ? null : { badge: t.standInBadge, notice: t.standInNotice }}
      order={
        <>
          <OrderSummary
            lang={lang}
            timeZone={pub.timeZone}
            tierName={lang === "en" ? plan.tier.nameEn : plan.tier.name}
            interval={plan.interval}
            priceLabel={priceLabel}
            renewsAt={renewsAt}
            benefits={lang === "en" ? plan.tier.benefitsEn : plan.tier.benefits}
          />
          <p className="mt-3 text-sm text-muted" data-testid="portone-vat">
            {t.vatIncluded(formatPrice(vatIncluded(plan.amount), "krw", lang))}
          </p>
        </>
      }
      payment={
        <PortOnePayForm
          lang={lang}
          intent={token}
          amountLabel={priceLabel}
          browser={
            configured && settings.storeId
              ? {
                  storeId: settings.storeId,
                  channelKey: settings.channelKey,
                  customerId: portoneCustomerId(viewer.member.id),
                  email: viewer.member.email,
                  issueId: intent.nonce,
                  issueName: lang === "en" ? plan.tier.nameEn : plan.tier.name,
                }
              : null
          }
        />
      }
    />
  );
}
