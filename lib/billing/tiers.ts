import { paidTiers, type TierRef } from "@/lib/access";
import type { SnapshotItem } from "./ledger/facts";

// Price → tier of a publication. Pure: callers pass the tiers of every publication they loaded.

export type BillingTier = TierRef & {
  publicationId: number;
  publicationSlug: string;
  // The primary publication keeps the lookup keys of a single-site install (`premium_monthly`).
  primaryPublication: boolean;
  stripeMonthlyPriceId: string | null;
  stripeYearlyPriceId: string | null;
};

export type PriceFacts = Pick<SnapshotItem, "priceId" | "lookupKey" | "tierHint">;

const LOOKUP_KEY = /^(.+)_(monthly|yearly)$/;

/** How Stripe names a tier (lookup keys, `tier` metadata): `<tier>` in the primary publication, `<publication>.<tier>` elsewhere (design §10). */
export function stripeTierKey(pub: { slug: string; isPrimary: boolean }, tierSlug: string): string {
  return pub.isPrimary ? tierSlug : `${pub.slug}.${tierSlug}`;
}

export const stripeLookupKey = (pub: { slug: string; isPrimary: boolean }, tierSlug: string, interval: "monthly" | "yearly") =>
  `${stripeTierKey(pub, tierSlug)}_${interval}`;

// `data.premium` → (data, premium); `premium` → (primary, premium).
function tierByKey<T extends BillingTier>(key: string | null | undefined, paid: readonly T[]): T | null {
  if (!key) return null;
  const normal = key.trim().toLowerCase();
  const dot = normal.indexOf(".");
  const [pubSlug, tierSlug] = dot < 0 ? [null, normal] : [normal.slice(0, dot), normal.slice(dot + 1)];
  return paid.find((t) => t.slug === tierSlug && (pubSlug === null ? t.primaryPublication : t.publicationSlug === pubSlug)) ?? null;
}

/**
 * The paid tier a price sells, trying in turn its lookup key (`[<publication>.]<tier>_monthly|yearly`),
 * the `tier` metadata on the price or its product, and the price ids stored on the tiers. A hint
 * naming an unknown tier falls through to the next source; null when nothing maps (the event is
 * then recorded as unapplied rather than guessed: a price of no known publication grants nothing).
 */
export function resolveTierForPrice<T extends BillingTier>(price: PriceFacts, tiers: readonly T[]): T | null {
  const paid = paidTiers(tiers);
  return (
    tierByKey(price.lookupKey?.match(LOOKUP_KEY)?.[1], paid) ??
    tierByKey(price.tierHint, paid) ??
    paid.find((t) => t.stripeMonthlyPriceId === price.priceId || t.stripeYearlyPriceId === price.priceId) ??
    null
  );
}

/** The subscription item that grants the most: the highest-ranked item whose price maps to a tier. */
export function resolveSubscriptionTier<T extends BillingTier>(items: readonly SnapshotItem[], tiers: readonly T[]): { tier: T; item: SnapshotItem } | null {
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
