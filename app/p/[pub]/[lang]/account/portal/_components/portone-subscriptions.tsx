import { listMemberPortOneSubscriptions } from "@/db/queries/portone";
import type { Db } from "@/db/client";
import { isPortOneConfigured } from "@/lib/billing/portone/config";
import { portoneText } from "@/lib/billing/portone/messages";
import { dict, formatDate, type UiLang } from "@/lib/i18n";
import { formatPrice } from "@/lib/pricing/format";
import { PortalActions } from "./portal-actions";

// The member's PortOne subscriptions of this publication: Masthead keeps them, so Masthead's portal
// manages them (PortOne has no customer portal).
export async function PortOneSubscriptions({
  db,
  lang,
  timeZone,
  memberId,
  publicationId,
  tierName,
}: {
  db: Db;
  lang: UiLang;
  timeZone: string;
  memberId: number;
  publicationId: number;
  tierName: (slug: string) => string;
}) {
  const t = dict(lang).billing;
  const p = portoneText(lang);
  const subs = (await listMemberPortOneSubscriptions(db, memberId)).filter((s) => s.publicationId === publicationId && s.periodIndex > 0);
  if (subs.length === 0) return <p data-testid="portal-empty">{t.portalEmpty}</p>;
  const now = new Date();
  return (
    <>
      {subs.map((s) => {
        const live = (s.status === "active" || s.status === "past_due") && (s.periodEnd?.getTime() ?? 0) > now.getTime();
        const day = (d: Date | null) => (d ? formatDate(d, lang, timeZone) : "—");
        return (
          <section key={s.id} className="flex flex-col gap-4 rounded border border-rule bg-white p-5" data-testid="portal-subscription">
            <dl className="grid gap-2 sm:grid-cols-[9rem_1fr]">
              <dt className="font-semibold text-muted">{t.plan}</dt>
              <dd className="font-semibold">{tierName(s.tierSlug)}</dd>
              <dt className="font-semibold text-muted">{t.price}</dt>
              <dd>
                {formatPrice(s.amount, s.currency, lang)} {t.perInterval[s.interval]}
              </dd>
              <dt className="font-semibold text-muted">{t.statusLabel}</dt>
              <dd data-testid="portal-status" data-status={s.status} data-cancel-at-period-end={String(s.cancelAtPeriodEnd)}>
                {t.status[s.status] ?? s.status}
              </dd>
              <dt className="font-semibold text-muted">{t.period}</dt>
              <dd>
                {day(s.periodStart)} – {day(s.periodEnd)}{" "}
                <span className="text-muted">
                  {!live ? t.periodEnded : s.cancelAtPeriodEnd ? t.cancelScheduled(day(s.periodEnd)) : t.renewsOn(day(s.periodEnd))}
                </span>
              </dd>
            </dl>
            <PortalActions
              provider="portone"
              lang={lang}
              subscriptionId={s.id}
              actions={{ cancel: live && !s.cancelAtPeriodEnd, resume: live && s.cancelAtPeriodEnd, refund: live && !isPortOneConfigured() }}
              refundNote={p.refundNote}
            />
          </section>
        );
      })}
    </>
  );
}
