"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { dict, localePath, type UiLang } from "@/lib/i18n";
import { formatPrice } from "@/lib/pricing/format";
import type { PlanView } from "@/lib/pricing/reader";

type Interval = "monthly" | "yearly";

// Plan cards with the interval switch. Which plan is the reader's own comes from /api/me after
// load, so the page itself stays one cached render for everyone.
export function PlanCards({ plans, lang }: { plans: PlanView[]; lang: UiLang }) {
  const t = dict(lang).pricing;
  const [interval, setInterval] = useState<Interval>("monthly");
  const [me, setMe] = useState<{ signedIn: boolean; tier: string } | null>(null);

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
          <label key={value} className={`cursor-pointer rounded-full px-4 py-1 text-sm font-semibold has-[:focus-visible]:outline has-[:focus-visible]:outline-2 ${interval === value ? "bg-ink text-white" : ""}`}>
            <input type="radio" name="interval" value={value} checked={interval === value} onChange={() => setInterval(value)} className="sr-only" />
            {value === "monthly" ? t.monthly : t.yearly}
          </label>
        ))}
      </fieldset>
      <ul className="grid gap-6 md:grid-cols-3">
        {plans.map((plan) => {
          const name = lang === "en" ? plan.nameEn : plan.name;
          const amount = interval === "monthly" ? plan.monthlyAmount : plan.yearlyAmount;
          const current = me?.tier === plan.slug;
          return (
            <li key={plan.slug} className={`flex flex-col gap-4 rounded border-2 bg-white p-6 ${current ? "border-accent" : "border-rule"}`} data-testid={`plan-${plan.slug}`}>
              <div className="flex items-center justify-between gap-2">
                <h2 className="headline text-2xl font-bold">{name}</h2>
                {current ? <span className="rounded bg-accent px-2 py-0.5 text-xs font-semibold text-white">{t.current}</span> : null}
              </div>
              <p className="text-3xl font-bold">
                {plan.rank === 0 || amount === null ? t.free : formatPrice(amount, plan.currency, lang)}
                {plan.rank > 0 && amount !== null ? <span className="text-base font-normal text-muted">{interval === "monthly" ? t.perMonth : t.perYear}</span> : null}
              </p>
              <ul className="flex flex-1 list-disc flex-col gap-1 pl-5 text-sm">
                {(lang === "en" ? plan.benefitsEn : plan.benefits).map((b) => (
                  <li key={b}>{b}</li>
                ))}
                <li>{plan.canComment ? t.comments : t.noComments}</li>
              </ul>
              {plan.rank === 0 ? (
                me?.signedIn ? null : (
                  <Link href={localePath(lang, "/signin")} className="rounded border border-ink px-4 py-2 text-center font-semibold hover:bg-black/5">
                    {t.joinFree}
                  </Link>
                )
              ) : (
                <form action="/api/billing/checkout" method="post">
                  <input type="hidden" name="tier" value={plan.slug} />
                  <input type="hidden" name="interval" value={interval} />
                  <input type="hidden" name="lang" value={lang} />
                  <button type="submit" disabled={current} className="w-full rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark disabled:opacity-60">
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
