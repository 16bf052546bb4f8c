import { describe, expect, it } from "vitest";
import { accessAhead, sameAccessAhead } from "@/lib/billing/ledger/reconcile-diff";
import { demoCheckout, demoPeriodEnd, demoResume } from "@/lib/billing/demo/events";
import { nextDemoEventAt, resolveDemoActions } from "@/lib/billing/demo/state";
import { resolveRenewal } from "@/lib/billing/subscription-view";

const now = new Date("2026-10-01T00:00:00Z");
const nowSec = now.getTime() / 1000;

describe("demo portal actions", () => {
  const live = { status: "active" as const, cancelAtPeriodEnd: false, periodEnd: nowSec + 60, refunded: false, paid: true };
  it.each([
    ["active", live, { cancel: true, resume: false, refund: true }],
    ["cancel scheduled", { ...live, cancelAtPeriodEnd: true }, { cancel: false, resume: true, refund: true }],
    ["already refunded", { ...live, refunded: true }, { cancel: true, resume: false, refund: false }],
    ["no payment recorded", { ...live, paid: false }, { cancel: true, resume: false, refund: false }],
    ["canceled", { ...live, status: "canceled" as const }, { cancel: false, resume: false, refund: false }],
    ["period over (endsAt − 0 ms)", { ...live, periodEnd: nowSec }, { cancel: false, resume: false, refund: false }],
  ])("%s", (_label, s, expected) => {
    expect(resolveDemoActions(s, now)).toEqual(expected);
  });

  it("dates the next live snapshot in a later second than the stored one, never later than needed", () => {
    expect(nextDemoEventAt({ snapshotAt: new Date(now.getTime() + 400) }, new Date(now.getTime() + 900))).toEqual(new Date(now.getTime() + 1000));
    expect(nextDemoEventAt({ snapshotAt: new Date(now.getTime() - 1) }, now)).toEqual(now);
    expect(nextDemoEventAt({ snapshotAt: new Date(now.getTime() - 5000) }, now)).toEqual(now);
  });
});

describe("demo periods", () => {
  it("bill calendar months and years, or the test-only length", () => {
    const iso = (s: number) => new Date(s * 1000).toISOString();
    expect(iso(demoPeriodEnd(Date.UTC(2026, 0, 31, 9, 30) / 1000, { interval: "month" }))).toBe("2026-02-28T09:30:00.000Z");
    expect(iso(demoPeriodEnd(Date.UTC(2026, 4, 15) / 1000, { interval: "month" }))).toBe("2026-06-15T00:00:00.000Z");
    expect(iso(demoPeriodEnd(Date.UTC(2028, 1, 29) / 1000, { interval: "year" }))).toBe("2029-02-28T00:00:00.000Z");
    expect(demoPeriodEnd(nowSec, { interval: "year", periodSeconds: 40 })).toBe(nowSec + 40);
  });

  it("a resume is an update clearing the scheduled cancel", () => {
    const { state } = demoCheckout(
      {
        member: { id: 1, email: "a@example.com" },
        tierKey: "premium",
        interval: "month",
        amount: 1,
        currency: "krw",
        subscriptionId: "sub_demo0123456789abcdef0123",
      },
      now,
    );
    expect(state.itemId).toBe("si_demo0123456789abcdef0123");
    const [event] = demoResume(state, now).events;
    expect(event.type).toBe("customer.subscription.updated");
    expect(event.data.object).toMatchObject({ id: state.subscriptionId, status: "active", cancel_at_period_end: false, cancel_at: null, canceled_at: null });
  });
});

describe("renews or ends", () => {
  const endsAt = new Date(now.getTime() + 86_400_000);
  it.each([
    [{ status: "active", cancelAtPeriodEnd: false, snapshot: null }, true],
    [{ status: "past_due", cancelAtPeriodEnd: false, snapshot: null }, true],
    [{ status: "active", cancelAtPeriodEnd: true, snapshot: null }, false],
    [{ status: "canceled", cancelAtPeriodEnd: false, snapshot: null }, false],
    [
      {
        status: "active",
        cancelAtPeriodEnd: false,
        snapshot: {
          id: "s",
          customerId: "c",
          status: "active",
          startDate: 1,
          cancelAt: 5,
          cancelAtPeriodEnd: false,
          canceledAt: null,
          endedAt: null,
          items: [],
        },
      },
      false,
    ],
  ])("%o renews: %s", (sub, renews) => {
    expect(resolveRenewal(sub, endsAt)).toEqual({ renews, at: endsAt });
  });
});

describe("reconcile: access from now on", () => {
  const g = (o: Partial<{ publicationId: number; tierSlug: string; startsAt: Date; endsAt: Date | null; revokedAt: Date | null; memberId: number }>) => ({
    memberId: 1,
    publicationId: 1,
    tierSlug: "premium",
    startsAt: new Date(now.getTime() - 1000),
    endsAt: new Date(now.getTime() + 1000),
    revokedAt: null,
    revokedReason: null,
    ...o,
  });
  it.each([
    ["identical", g({}), g({}), true],
    ["a past start differs only in the past", g({ startsAt: new Date(0) }), g({}), true],
    ["both ended, revoked at different instants", g({ revokedAt: new Date(now.getTime() - 5) }), g({ endsAt: now }), true],
    ["later end", g({}), g({ endsAt: new Date(now.getTime() + 2000) }), false],
    ["revoked now vs live", g({ revokedAt: now }), g({}), false],
    ["another tier", g({}), g({ tierSlug: "supporter" }), false],
    ["the same tier of another publication", g({}), g({ publicationId: 2 }), false],
    ["another member", g({}), g({ memberId: 2 }), false],
  ])("%s → agree: %s", (_label, a, b, same) => {
    expect(sameAccessAhead(accessAhead(a, now), accessAhead(b, now))).toBe(same);
  });
  it("no grant and an ended grant are the same", () => {
    expect(sameAccessAhead(accessAhead(null, now), accessAhead(g({ endsAt: now }), now))).toBe(true);
  });
});
