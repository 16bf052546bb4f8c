"use client";

import Link from "next/link";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { UiLang } from "@/lib/i18n/lang";
import { pricingDict } from "@/lib/i18n/pricing";
import { isPaidTier } from "@/lib/access/tiers";
import { formatPrice } from "@/lib/pricing/format";
import { resolvePlanBenefits, resolveYearlySaving } from "@/lib/pricing/plan-copy";
import { RETURN_TO_PARAM, resolveReturnTo, signInHref } from "@/lib/routing/return-to";
import type { PlanView } from "@/lib/pricing/reader";

type Interval = "monthly" | "yearly";

// The query string does not change while the page is open: nothing to subscribe to.
const noSubscription = () => () => {};
const readReturnTo = () => resolveReturnTo(new URLSearchParams(window.location.search).get(RETURN_TO_PARAM));

// Plan cards with the interval switch. Which plan is the reader's own comes from /api/me after
// load, so the page itself stays one cached render for everyone.
export function PlanCards({ plans, lang }: { plans: PlanView[]; lang: UiLang }) {
  const t = pricingDict(lang);
  const [interval, setInterval] = useState<Interval>("monthly");
  const [me, setMe] = useState<{ signedIn: boolean; tier: string } | null>(null);
  // The piece the reader came from (paywall → plans → checkout → back to it). Read after load so
  // the page stays one cached render; validated again by the checkout and the success page.
  const returnTo = useSyncExternalStore(noSubscription, readReturnTo, () => null);
  const bestSaving = Math.max(0, ...plans.map((p) => resolveYearlySaving(p.monthlyAmount, p.yearlyAmount)?.percent ?? 0));

  useEffect(() => {
    fetch("/api/me", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { signedIn: boolean; tier: string } | null) => setMe(body))
      .catch(() => setMe(null));
  }, []);

  return (
    <div className="flex flex-col gap-6">
      <fieldset className="flex gap-2 self-start rounded-full border border-ink p-1">
        <legend className="sr-only">{t.intervalLabel}</legend>
        {(["monthly", "yearly"] as const).map((value) => (
          <label
            key={value}
            className={`cursor-pointer rounded-full px-4 py-1 text-sm font-semibold has-[:focus-visible]:outline has-[:focus-visible]:outline-2 ${interval === value ? "bg-ink text-white" : ""}`}
          >
            <input type="radio" name="interval" value={value} checked={interval === value} onChange={() => setInterval(value)} className="sr-only" />
            {value === "monthly" ? t.monthly : t.yearly}
            {value === "yearly" && bestSaving > 0 ? <span className="ml-1 font-normal">({t.yearlySavingShort(bestSaving)})</span> : null}
          </label>
        ))}
      </fieldset>
      <ul className="grid gap-6 md:grid-cols-3">
        {plans.map((plan) => {
          const name = lang === "en" ? plan.nameEn : plan.name;
          const amount = interval === "monthly" ? plan.monthlyAmount : plan.yearlyAmount;
          const current = me?.tier === plan.slug;
          const paid = isPaidTier(plan);
          const saving = interval === "yearly" && paid ? resolveYearlySaving(plan.monthlyAmount, plan.yearlyAmount) : null;
          return (
            <li
              key={plan.slug}
              className={`flex flex-col gap-4 rounded border-2 bg-white p-6 ${current ? "border-accent" : "border-rule"}`}
              data-testid={`plan-${plan.slug}`}
            >
              <div className="flex items-center justify-between gap-2">
                <h2 className="headline text-2xl font-bold">{name}</h2>
                {current ? <span className="rounded bg-accent px-2 py-0.5 text-xs font-semibold text-white">{t.current}</span> : null}
              </div>
              <p className="text-3xl font-bold">
                {!paid || amount === null ? t.free : formatPrice(amount, plan.currency, lang)}
                {paid && amount !== null ? <span className="text-base font-normal text-muted">{interval === "monthly" ? t.perMonth : t.perYear}</span> : null}
              </p>
              {saving ? (
                <p className="-mt-2 text-sm font-semibold text-accent-dark" data-testid="yearly-saving">
                  {t.yearlySaving(formatPrice(saving.amount, plan.currency, lang), saving.percent)}
                </p>
              ) : null}
              <ul className="flex flex-1 list-disc flex-col gap-1 pl-5 text-sm">
                {resolvePlanBenefits(lang === "en" ? plan.benefitsEn : plan.benefits, plan.canComment, t.comments).map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
              {!paid ? (
                me?.signedIn ? null : (
                  <Link href={signInHref(lang, returnTo)} className="rounded border border-ink px-4 py-2 text-center font-semibold hover:bg-black/5">
                    {t.joinFree}
                  </Link>
                )
              ) : (
                <form action="/api/billing/checkout" method="post">
                  <input type="hidden" name="tier" value={plan.slug} />
                  <input type="hidden" name="interval" value={interval} />
                  <input type="hidden" name="lang" value={lang} />
                  {returnTo ? <input type="hidden" name={RETURN_TO_PARAM} value={returnTo} /> : null}
                  <button
                    type="submit"
                    disabled={current}
                    className="w-full rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark disabled:opacity-60"
                  >
                    {t.choose(name)}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
