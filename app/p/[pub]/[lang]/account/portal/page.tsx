import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listDemoSubscriptions } from "@/lib/billing/demo/state";
import { isStripeConfigured } from "@/lib/billing/stripe/client";
import { dict, formatDate, localePath } from "@/lib/i18n";
import { formatPrice } from "@/lib/pricing/format";
import { pageContext, type PageParams } from "../../lang";
import { PortalActions } from "./_components/portal-actions";
import { PortOneSubscriptions } from "./_components/portone-subscriptions";
import { publicationProvider } from "@/lib/billing/provider";
import { privatePageMetadata, signedInViewer } from "../../_lib/private-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<PageParams> };

export const generateMetadata = privatePageMetadata((lang) => dict(lang).billing.portalTitle);

// Stands in for Stripe's customer portal when no Stripe keys are set (with keys, "Manage
// subscription" goes to Stripe's own portal and this page does not exist).
export default async function DemoPortalPage({ params }: Props) {
  const { pub, lang } = await pageContext(params);
  const t = dict(lang).billing;
  const db = await getDb();
  const portone = (await publicationProvider(db, pub.id)) === "portone";
  if (isStripeConfigured() && !portone) notFound();
  const viewer = await signedInViewer(pub.id, lang, localePath(lang, "/account/portal"));
  const now = new Date();
  // This publication's subscriptions only: each publication's portal manages its own.
  const views = portone ? [] : (await listDemoSubscriptions(db, viewer.member, now)).filter((v) => v.publicationId === pub.id);
  const tierName = (slug: string) => {
    const tier = viewer.tiers.find((x) => x.slug === slug);
    return tier ? (lang === "en" ? tier.nameEn : tier.name) : slug;
  };
  const day = (sec: number) => formatDate(new Date(sec * 1000), lang, pub.timeZone);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="headline text-3xl font-bold">{t.portalTitle}</h1>
        {portone ? null : <span className="rounded bg-gold px-2 py-0.5 text-xs font-bold uppercase tracking-wide text-white">{t.demoBadge}</span>}
      </div>
      {portone ? (
        <PortOneSubscriptions db={db} lang={lang} timeZone={pub.timeZone} memberId={viewer.member.id} publicationId={pub.id} tierName={tierName} />
      ) : (
        <p className="rounded border border-gold/40 bg-amber-50 px-4 py-3 text-sm">{t.portalDemoNotice}</p>
      )}
      {!portone && views.length === 0 ? <p data-testid="portal-empty">{t.portalEmpty}</p> : null}
      {views.map((v) => {
        const ended = v.status === "canceled" || v.state.periodEnd * 1000 <= now.getTime();
        return (
          <section key={v.state.subscriptionId} className="flex flex-col gap-4 rounded border border-rule bg-white p-5" data-testid="portal-subscription">
            <dl className="grid gap-2 sm:grid-cols-[9rem_1fr]">
              <dt className="font-semibold text-muted">{t.plan}</dt>
              <dd className="font-semibold">{tierName(v.tierSlug ?? v.state.tierKey)}</dd>
              <dt className="font-semibold text-muted">{t.price}</dt>
              <dd>
                {formatPrice(v.state.amount, v.state.currency, lang)} {t.perInterval[v.state.interval === "month" ? "monthly" : "yearly"]}
              </dd>
              <dt className="font-semibold text-muted">{t.statusLabel}</dt>
              <dd data-testid="portal-status" data-status={v.status} data-cancel-at-period-end={String(v.cancelAtPeriodEnd)}>
                {t.status[v.status] ?? v.status}
                {v.refunded ? ` · ${t.done.refund}` : ""}
              </dd>
              <dt className="font-semibold text-muted">{t.period}</dt>
              <dd>
                {day(v.state.periodStart)} – {day(v.state.periodEnd)}{" "}
                <span className="text-muted">
                  {ended ? t.periodEnded : v.cancelAtPeriodEnd ? t.cancelScheduled(day(v.state.periodEnd)) : t.renewsOn(day(v.state.periodEnd))}
                </span>
              </dd>
            </dl>
            <PortalActions lang={lang} subscriptionId={v.state.subscriptionId} actions={v.actions} />
          </section>
        );
      })}
      <Link href={localePath(lang, "/account")} className="self-start underline">
        {t.backToAccount}
      </Link>
    </div>
  );
}
