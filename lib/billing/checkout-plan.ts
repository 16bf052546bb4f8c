import type { Tier } from "@/db/schema";
import type { CheckoutInterval } from "./demo-intent";

// Which plan a checkout request names: a paid tier (rank > 0) with a price for the interval. Pure.

export type CheckoutPlan = {
  tier: Tier;
  interval: CheckoutInterval;
  amount: number;
  currency: string;
  /** The price id stored on the tier (studio "create Stripe prices"), else null: use the lookup key. */
  priceId: string | null;
  lookupKey: string;
};

export function resolveCheckoutPlan(tiers: readonly Tier[], tierSlug: string, interval: CheckoutInterval): CheckoutPlan | null {
  const tier = tiers.find((t) => t.slug === tierSlug && t.rank > 0);
  if (!tier) return null;
  const amount = interval === "monthly" ? tier.monthlyAmount : tier.yearlyAmount;
  if (amount === null || amount <= 0) return null;
  return {
    tier,
    interval,
    amount,
    currency: tier.currency,
    priceId: (interval === "monthly" ? tier.stripeMonthlyPriceId : tier.stripeYearlyPriceId) ?? null,
    lookupKey: `${tier.slug}_${interval}`,
  };
}
