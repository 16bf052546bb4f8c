import { dict, formatDate, type UiLang } from "@/lib/i18n";

type Props = { lang: UiLang; timeZone: string; tierName: string; interval: "monthly" | "yearly"; priceLabel: string; renewsAt: Date; benefits: string[] };

// The summary side of the demo checkout, laid out like Stripe Checkout's: what, how much, how
// often, and when it renews.
export function OrderSummary({ lang, timeZone, tierName, interval, priceLabel, renewsAt, benefits }: Props) {
  const t = dict(lang).billing;
  return (
    <section aria-labelledby="order-heading" className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h2 id="order-heading" className="text-base font-semibold text-muted">
          {t.subscribeTo(tierName)}
        </h2>
        <p className="flex items-baseline gap-2">
          <span className="text-4xl font-bold" data-testid="demo-price">
            {priceLabel}
          </span>
          <span className="text-muted">{t.perInterval[interval]}</span>
        </p>
      </div>
      <ul className="flex list-disc flex-col gap-1 pl-5 text-sm text-muted">
        {benefits.map((b) => (
          <li key={b}>{b}</li>
        ))}
      </ul>
      <dl className="flex flex-col gap-3 border-t border-rule pt-4 text-sm">
        <div className="flex justify-between gap-4">
          <dt>{tierName}</dt>
          <dd>{priceLabel}</dd>
        </div>
        <div className="flex justify-between gap-4 text-muted">
          <dt>{t.perInterval[interval]}</dt>
          <dd data-testid="demo-renews">{t.renewsOn(formatDate(renewsAt, lang, timeZone))}</dd>
        </div>
        <div className="flex justify-between gap-4 border-t border-rule pt-3 text-base font-semibold">
          <dt>{t.dueToday}</dt>
          <dd>{priceLabel}</dd>
        </div>
      </dl>
    </section>
  );
}
