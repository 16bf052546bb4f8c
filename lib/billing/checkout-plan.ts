import type { Tier } from "@/db/schema";
import { isPaidTier } from "@/lib/access";
import type { CheckoutInterval } from "./demo/intent";
import { stripeLookupKey, stripeTierKey } from "./tiers";

// Which plan a checkout request names: a paid tier (`isPaidTier`) of the publication with a price for
// the interval. Pure.

export type CheckoutPlan = {
  tier: Tier;
  // How Stripe names the tier: `tier` metadata and the lookup key's stem (design §10).
  tierKey: string;
  interval: CheckoutInterval;
  amount: number;
  currency: string;
  /** The price id stored on the tier (studio "create Stripe prices"), else null: use the lookup key. */
  priceId: string | null;
  lookupKey: string;
};

export function resolveCheckoutPlan(
  pub: { id: number; slug: string; isPrimary: boolean },
  tiers: readonly Tier[],
  tierSlug: string,
  interval: CheckoutInterval,
): CheckoutPlan | null {
  const tier = tiers.find((t) => t.publicationId === pub.id && t.slug === tierSlug && isPaidTier(t));
  if (!tier) return null;
  const amount = interval === "monthly" ? tier.monthlyAmount : tier.yearlyAmount;
  if (amount === null || amount <= 0) return null;
  return {
    tier,
    tierKey: stripeTierKey(pub, tier.slug),
    interval,
    amount,
    currency: tier.currency,
    priceId: (interval === "monthly" ? tier.stripeMonthlyPriceId : tier.stripeYearlyPriceId) ?? null,
    lookupKey: stripeLookupKey(pub, tier.slug, interval),
  };
}
