import type { SubscriptionSnapshot } from "./facts";
import { describePrices, resolveSubscriptionTier, type BillingTier } from "../tiers";

// Subscription snapshot → the access it grants. Pure; instants come from the snapshot only.

export const DAY_MS = 86_400_000;

export type SubscriptionGrant =
  | { kind: "grant"; publicationId: number; tierSlug: string; startsAt: Date; endsAt: Date; priceId: string; interval: string | null }
  | { kind: "none"; code: "incomplete" | "incomplete_expired" | "unknown_price" | "no_period"; reason: string };

const at = (seconds: number) => new Date(seconds * 1000);

/**
 * - `incomplete`: the first payment has not gone through → nothing.
 * - `incomplete_expired`: it never did → nothing (Stripe's ended_at would otherwise hand out the
 *   ~23 h between creation and expiry for free).
 * - `active`/`trialing`: until the item's current_period_end — a scheduled cancel (cancel_at, or
 *   cancel_at_period_end) changes nothing before then, and cancel_at may end it sooner.
 * - `past_due`: current_period_end plus the grace, while Stripe retries the card.
 * - `unpaid`/`paused`: Stripe has stopped collecting, so the unpaid period is not served: the
 *   grant ends where that period starts.
 * - `canceled`: at ended_at (else canceled_at) — the period end for cancel-at-period-end, the
 *   cancel instant for an immediate cancel.
 */
export function resolveSubscriptionGrant(snapshot: SubscriptionSnapshot, tiers: readonly BillingTier[], opts: { pastDueGraceMs: number }): SubscriptionGrant {
  if (snapshot.status === "incomplete" || snapshot.status === "incomplete_expired") {
    return { kind: "none", code: snapshot.status, reason: `subscription ${snapshot.status}: first payment not completed` };
  }
  const found = resolveSubscriptionTier(snapshot.items, tiers);
  if (!found) {
    return { kind: "none", code: "unknown_price", reason: `unknown price: no tier for ${describePrices(snapshot.items)}` };
  }
  const { tier, item } = found;
  const base = {
    kind: "grant" as const,
    publicationId: tier.publicationId,
    tierSlug: tier.slug,
    startsAt: at(snapshot.startDate),
    priceId: item.priceId,
    interval: item.interval,
  };

  if (snapshot.status === "canceled") {
    const end = snapshot.endedAt ?? snapshot.canceledAt ?? item.periodEnd;
    if (end === null) return { kind: "none", code: "no_period", reason: "canceled subscription without an end time" };
    return { ...base, endsAt: at(end) };
  }
  if (item.periodEnd === null) return { kind: "none", code: "no_period", reason: `item ${item.priceId} has no current period` };

  let endsMs: number;
  if (snapshot.status === "past_due") endsMs = item.periodEnd * 1000 + opts.pastDueGraceMs;
  else if (snapshot.status === "unpaid" || snapshot.status === "paused") endsMs = (item.periodStart ?? item.periodEnd) * 1000;
  else endsMs = item.periodEnd * 1000;
  if (snapshot.cancelAt !== null) endsMs = Math.min(endsMs, snapshot.cancelAt * 1000);
  return { ...base, endsAt: new Date(endsMs) };
}
