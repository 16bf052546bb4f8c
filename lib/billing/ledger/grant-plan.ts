import type { SubscriptionSnapshot } from "./facts";
import { resolveSubscriptionGrant, type SubscriptionGrant } from "./subscription-grant";
import type { BillingTier } from "../tiers";

// The grant row a subscription should have, from its freshest snapshot, the refunds of its
// invoices, and the row as it stands. Pure, so every delivery order that ends with the same facts
// ends with the same row.

export const STRIPE_REASON_PREFIX = "stripe:";

export type RefundFact = { refundedAt: Date; invoicePeriodEnd: Date | null };

export type GrantFields = {
  publicationId: number;
  tierSlug: string;
  startsAt: Date;
  endsAt: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
};

export type GrantPlan = { mapping: SubscriptionGrant; grant: GrantFields | null };

/**
 * A full refund revokes the grant when the invoice it paid covers the subscription's current
 * period (its service period ends after the current period starts; unknown period → assume it
 * does). Refunding an older, already-served period leaves the paid current period alone.
 * The earliest such refund is the revocation instant.
 */
export function resolveRefundRevocation(currentPeriodStart: Date | null, refunds: readonly RefundFact[]): Date | null {
  let earliest: Date | null = null;
  for (const r of refunds) {
    const covers = r.invoicePeriodEnd === null || currentPeriodStart === null || r.invoicePeriodEnd > currentPeriodStart;
    if (covers && (!earliest || r.refundedAt < earliest)) earliest = r.refundedAt;
  }
  return earliest;
}

const isProviderRevocation = (reason: string | null, prefix: string) => reason !== null && reason.startsWith(prefix);

function currentPeriodStart(snapshot: SubscriptionSnapshot): Date | null {
  const starts = snapshot.items.flatMap((i) => (i.periodStart === null ? [] : [i.periodStart]));
  return starts.length ? new Date(Math.max(...starts) * 1000) : null;
}

export function planStripeGrant(input: {
  snapshot: SubscriptionSnapshot;
  snapshotAt: Date;
  tiers: readonly BillingTier[];
  pastDueGraceMs: number;
  refunds: readonly RefundFact[];
  existing: GrantFields | null;
  /** How the provider marks the revocations it makes (`stripe:`, `portone:`). */
  reasonPrefix?: string;
}): GrantPlan {
  const { snapshot, existing } = input;
  const prefix = input.reasonPrefix ?? STRIPE_REASON_PREFIX;
  const mapping = resolveSubscriptionGrant(snapshot, input.tiers, { pastDueGraceMs: input.pastDueGraceMs });

  // Revocations made by people (studio, admin API) are never undone by a webhook.
  if (existing?.revokedAt && !isProviderRevocation(existing.revokedReason, prefix)) {
    const base = mapping.kind === "grant" ? mapping : existing;
    return { mapping, grant: { ...pick(base), revokedAt: existing.revokedAt, revokedReason: existing.revokedReason } };
  }

  const refundAt = resolveRefundRevocation(currentPeriodStart(snapshot), input.refunds);
  if (mapping.kind === "grant") {
    return {
      mapping,
      grant: { ...pick(mapping), revokedAt: refundAt, revokedReason: refundAt ? `${prefix}refunded` : null },
    };
  }
  // Nothing to grant: a grant written from an earlier snapshot is revoked, never deleted.
  if (!existing) return { mapping, grant: null };
  const revokedAt = refundAt && refundAt < input.snapshotAt ? refundAt : input.snapshotAt;
  const code = refundAt && refundAt < input.snapshotAt ? "refunded" : mapping.code;
  return { mapping, grant: { ...pick(existing), revokedAt, revokedReason: `${prefix}${code}` } };
}

function pick(g: { publicationId: number; tierSlug: string; startsAt: Date; endsAt: Date | null }) {
  return { publicationId: g.publicationId, tierSlug: g.tierSlug, startsAt: g.startsAt, endsAt: g.endsAt };
}

export function sameGrantFields(a: GrantFields, b: GrantFields): boolean {
  const t = (d: Date | null) => (d ? d.getTime() : null);
  return (
    a.publicationId === b.publicationId &&
    a.tierSlug === b.tierSlug &&
    t(a.startsAt) === t(b.startsAt) &&
    t(a.endsAt) === t(b.endsAt) &&
    t(a.revokedAt) === t(b.revokedAt) &&
    a.revokedReason === b.revokedReason
  );
}
