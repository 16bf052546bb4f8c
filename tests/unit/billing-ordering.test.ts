import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SubscriptionSnapshot } from "@/lib/billing/ledger/facts";
import { planStripeGrant, resolveRefundRevocation } from "@/lib/billing/ledger/grant-plan";
import { freshnessKey, isFresher } from "@/lib/billing/ledger/ordering";
import type { SubscriptionStatus } from "@/lib/billing/stripe/payloads";
import type { BillingTier } from "@/lib/billing/tiers";
import { mainPremiumTier } from "./helpers/fixtures";

const T0 = 1_790_000_000;
const P1 = T0 + 30 * 86_400;
const at = (s: number) => new Date(s * 1000);
const tiers: BillingTier[] = [mainPremiumTier];

function snap(status: SubscriptionStatus, periodEnd = P1, extra: Partial<SubscriptionSnapshot> = {}): SubscriptionSnapshot {
  return {
    id: "sub_1",
    customerId: "cus_1",
    status,
    startDate: T0,
    cancelAt: null,
    cancelAtPeriodEnd: false,
    canceledAt: null,
    endedAt: null,
    items: [{ priceId: "p", lookupKey: "premium_monthly", tierHint: null, interval: "month", periodStart: periodEnd - 30 * 86_400, periodEnd }],
    ...extra,
  };
}
const key = (s: SubscriptionSnapshot, created: number, type = "customer.subscription.updated", id = "evt_a") => freshnessKey(s, { id, type, created });

describe("ordering rule", () => {
  it("a later event's snapshot is fresher; an earlier one never replaces it", () => {
    expect(isFresher(key(snap("active"), T0 + 10), key(snap("active"), T0 + 5))).toBe(true);
    expect(isFresher(key(snap("active"), T0 + 5), key(snap("active"), T0 + 10))).toBe(false);
  });
  it("a terminal snapshot beats any live one, whatever the timestamps", () => {
    expect(isFresher(key(snap("canceled"), T0 + 1), key(snap("active"), T0 + 999))).toBe(true);
    expect(isFresher(key(snap("active"), T0 + 999), key(snap("canceled"), T0 + 1))).toBe(false);
  });
  it("within one second: the renewed period, then status progress, then event type", () => {
    expect(isFresher(key(snap("active", P1 + 100), T0), key(snap("active", P1), T0))).toBe(true);
    expect(isFresher(key(snap("active"), T0), key(snap("incomplete"), T0))).toBe(true);
    expect(isFresher(key(snap("active"), T0, "customer.subscription.updated"), key(snap("active"), T0, "customer.subscription.created"))).toBe(true);
  });
  it("replaying the same event is not fresher (the stored snapshot stays)", () => {
    expect(isFresher(key(snap("active"), T0), key(snap("active"), T0))).toBe(false);
  });

  it("any delivery order keeps the same snapshot (property)", () => {
    const statuses: SubscriptionStatus[] = ["incomplete", "active", "past_due", "canceled", "unpaid", "trialing"];
    const ev = fc.record({
      created: fc.integer({ min: T0, max: T0 + 5 }),
      status: fc.constantFrom(...statuses),
      periodEnd: fc.constantFrom(P1, P1 + 86_400),
      type: fc.constantFrom("customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted"),
      id: fc.stringMatching(/^evt_[A-Za-z0-9]{1,8}$/),
    });
    const history = fc
      .array(ev, { minLength: 1, maxLength: 8 })
      .chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length })));
    const fold = (evs: { created: number; status: SubscriptionStatus; periodEnd: number; type: string; id: string }[]) =>
      evs.map((e) => key(snap(e.status, e.periodEnd), e.created, e.type, e.id)).reduce<string | null>((stored, k) => (isFresher(k, stored) ? k : stored), null);
    fc.assert(
      fc.property(history, ([inOrder, shuffled]) => {
        expect(fold(shuffled)).toBe(fold(inOrder));
      }),
    );
  });
});

describe("refunds", () => {
  const start = at(T0);
  it("a refund of the invoice paying the current period revokes at the refund instant", () => {
    expect(resolveRefundRevocation(start, [{ refundedAt: at(T0 + 50), invoicePeriodEnd: at(P1) }])).toEqual(at(T0 + 50));
  });
  it("a refund of an older, served period leaves the current one alone", () => {
    expect(resolveRefundRevocation(start, [{ refundedAt: at(T0 + 50), invoicePeriodEnd: start }])).toBeNull();
  });
  it("the earliest covering refund wins; unknown periods count as covering", () => {
    const refunds = [
      { refundedAt: at(T0 + 80), invoicePeriodEnd: null },
      { refundedAt: at(T0 + 60), invoicePeriodEnd: at(P1) },
    ];
    expect(resolveRefundRevocation(start, refunds)).toEqual(at(T0 + 60));
  });
});

describe("grant plan", () => {
  const base = { snapshotAt: at(T0 + 5), tiers, pastDueGraceMs: 0, refunds: [] };
  it("a new grant from an active snapshot", () => {
    expect(planStripeGrant({ ...base, snapshot: snap("active"), existing: null }).grant).toEqual({
      publicationId: 1,
      tierSlug: "premium",
      startsAt: at(T0),
      endsAt: at(P1),
      revokedAt: null,
      revokedReason: null,
    });
  });
  it("a full refund revokes with a stripe reason", () => {
    const plan = planStripeGrant({ ...base, snapshot: snap("active"), existing: null, refunds: [{ refundedAt: at(T0 + 9), invoicePeriodEnd: at(P1) }] });
    expect(plan.grant).toMatchObject({ revokedAt: at(T0 + 9), revokedReason: "stripe:refunded" });
  });
  it("never undoes a revocation made by a person", () => {
    const existing = { publicationId: 1, tierSlug: "premium", startsAt: at(T0), endsAt: at(P1), revokedAt: at(T0 + 1), revokedReason: "chargeback fraud" };
    expect(planStripeGrant({ ...base, snapshot: snap("active", P1 + 500), existing }).grant).toMatchObject({
      endsAt: at(P1 + 500),
      revokedAt: at(T0 + 1),
      revokedReason: "chargeback fraud",
    });
  });
  it("nothing to grant: no row is created, an existing one is revoked at the snapshot's instant", () => {
    expect(planStripeGrant({ ...base, snapshot: snap("incomplete"), existing: null }).grant).toBeNull();
    const existing = { publicationId: 1, tierSlug: "premium", startsAt: at(T0), endsAt: at(P1), revokedAt: null, revokedReason: null };
    const unknown = snap("active", P1, { items: [{ priceId: "x", lookupKey: null, tierHint: null, interval: null, periodStart: T0, periodEnd: P1 }] });
    expect(planStripeGrant({ ...base, snapshot: unknown, existing }).grant).toMatchObject({ revokedAt: at(T0 + 5), revokedReason: "stripe:unknown_price" });
  });
});
