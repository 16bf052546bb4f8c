import { paidTiers, type TierRef } from "@/lib/access";
import type { SnapshotItem } from "./facts";

// Price → tier. Pure: callers pass the tiers they loaded.

export type BillingTier = TierRef & { stripeMonthlyPriceId: string | null; stripeYearlyPriceId: string | null };

export type PriceFacts = Pick<SnapshotItem, "priceId" | "lookupKey" | "tierHint">;

const LOOKUP_KEY = /^(.+)_(monthly|yearly)$/;

/**
 * The paid tier a price sells, trying in turn its lookup key (`<tier>_monthly|yearly`), the `tier`
 * metadata on the price or its product, and the price ids stored on the tiers. A hint naming an
 * unknown tier falls through to the next source; null when nothing maps (the event is then
 * recorded as unapplied rather than guessed).
 */
export function resolveTierForPrice<T extends BillingTier>(price: PriceFacts, tiers: readonly T[]): T | null {
  const paid = paidTiers(tiers);
  const bySlug = (slug: string | null | undefined) => (slug ? (paid.find((t) => t.slug === slug.trim().toLowerCase()) ?? null) : null);
  return (
    bySlug(price.lookupKey?.match(LOOKUP_KEY)?.[1]) ??
    bySlug(price.tierHint) ??
    paid.find((t) => t.stripeMonthlyPriceId === price.priceId || t.stripeYearlyPriceId === price.priceId) ??
    null
  );
}

/** The subscription item that grants the most: the highest-ranked item whose price maps to a tier. */
export function resolveSubscriptionTier<T extends BillingTier>(
  items: readonly SnapshotItem[],
  tiers: readonly T[],
): { tier: T; item: SnapshotItem } | null {
  let best: { tier: T; item: SnapshotItem } | null = null;
  for (const item of items) {
    const tier = resolveTierForPrice(item, tiers);
    if (tier && (!best || tier.rank > best.tier.rank)) best = { tier, item };
  }
  return best;
}

export function describePrices(items: readonly SnapshotItem[]): string {
  if (!items.length) return "no items";
  return items.map((i) => (i.lookupKey ? `${i.priceId} (lookup key ${i.lookupKey})` : i.priceId)).join(", ");
}
