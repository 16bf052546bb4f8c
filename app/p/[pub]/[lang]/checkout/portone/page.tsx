import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getViewer } from "@/lib/auth/viewer";
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
import { pageContext, pageLang, type PageParams } from "../../lang";
import { OrderSummary } from "../demo/_components/order-summary";
import { PortOnePayForm } from "./_components/portone-pay-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<PageParams>; searchParams: Promise<{ intent?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: portoneText(await pageLang(params)).title, robots: { index: false } };
}

// Checkout of a publication that sells through PortOne (design §12): the order in KRW with its VAT,
// then PortOne's window (browser SDK, billing key) — or, without PortOne keys, the stand-in's form.
export default async function PortOneCheckoutPage({ params, searchParams }: Props) {
  const { pub, lang } = await pageContext(params);
  const t = portoneText(lang);
  const b = dict(lang).billing;
  if ((await publicationProvider(await getDb(), pub.id)) !== "portone") notFound();
  const viewer = await getViewer(pub.id);
  if (!viewer.signedIn) redirect(`${localePath(lang, "/signin")}?callbackUrl=${encodeURIComponent(localePath(lang, "/pricing"))}`);
  const raw = (await searchParams).intent;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
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
    return (
      <div className="mx-auto flex max-w-md flex-col gap-4 py-8" data-testid="portone-checkout-problem">
        <h1 className="headline text-3xl font-bold">{t.title}</h1>
        <p role="alert">{problem}</p>
        <Link href={localePath(lang, "/pricing")} className="self-start rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark">
          {b.back}
        </Link>
      </div>
    );
  }
  const configured = isPortOneConfigured();
  const settings = portoneSettings();
  const priceLabel = formatPrice(plan.amount, plan.currency, lang);
  const renewsAt = periodEnd(now, plan.interval, configured ? null : (getEnv().MASTHEAD_DEMO_PERIOD_SECONDS ?? null));
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <Link href={localePath(lang, "/pricing")} className="text-sm text-muted hover:underline">
          ← {b.back}
        </Link>
        {configured ? null : <span className="rounded bg-gold px-2 py-0.5 text-xs font-bold uppercase tracking-wide text-white">{t.standInBadge}</span>}
      </div>
      <h1 className="sr-only">{t.title}</h1>
      {configured ? null : <p className="rounded border border-gold/40 bg-amber-50 px-4 py-3 text-sm">{t.standInNotice}</p>}
      <div className="grid overflow-hidden rounded-lg border border-rule bg-white shadow-sm md:grid-cols-2">
        <div className="bg-black/[0.03] p-6 md:p-10">
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
        </div>
        <div className="p-6 md:p-10">
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
        </div>
      </div>
    </div>
  );
}
