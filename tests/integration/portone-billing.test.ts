import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ensureMember, listGrants } from "@/db/queries/members";
import { listDeliveriesOf } from "@/db/queries/email";
import { getPortOneSubscription, setPaymentProvider } from "@/db/queries/portone";
import { portonePayments, stripeEvents, stripeSubscriptions, type Member } from "@/db/schema";
import { requirePrimaryPublication } from "@/db/seed/seed";
import { refundCurrentPeriod, setCancelAtPeriodEnd } from "@/lib/billing/portone/manage";
import { nextRetryAt } from "@/lib/billing/portone/periods";
import { reconcileWithPortOne } from "@/lib/billing/portone/reconcile";
import { cliActor } from "@/lib/studio/audit";
import { runRenewals, type RenewalOptions } from "@/lib/billing/portone/renewal";
import { portoneWebhook, resign } from "@/lib/billing/portone/standin/webhooks";
import { handlePortOneWebhook, type PortOneWebhookOptions } from "@/lib/billing/portone/webhook";
import { databaseKinds, type TestDatabase } from "./helpers/databases";
import { closePortOneSuite, GRACE_MS, openPortOneSuite, parkRenewals, STORE_ID, subscribe, type PortOneHarness } from "./helpers/portone";
import { deliverAll } from "./helpers/stripe-webhook";
import { inOrder, subscriptionHistory } from "./helpers/stripe-history";

// PortOne subscriptions end to end through the real SDK against the stand-in: checkout's first
// charge, renewals, declines and the past-due grace, cancel at period end, refunds, PortOne
// unreachable, forged and replayed webhooks, amounts that do not match the price, and a member
// who pays one publication through Stripe and another through PortOne.

const T = new Date("2027-01-05T00:00:00Z");
const MIN = 60_000;

describe.each(databaseKinds())("PortOne billing on %s", (kind) => {
  let t: TestDatabase;
  let h: PortOneHarness;
  let dataId = 0;
  let primaryId = 0;
  let seq = 0;

  beforeAll(async () => {
    ({ t, h, dataId } = await openPortOneSuite(kind, T));
    primaryId = await requirePrimaryPublication(t.db);
    await setPaymentProvider(t.db, dataId, "portone");
  });
  afterAll(() => closePortOneSuite({ t, h }));
  // Each case's renewals see only its own subscriptions: the earlier cases' are parked far ahead.
  beforeEach(() => parkRenewals(t.db));

  const member = () => ensureMember(t.db, `po-${kind}-${++seq}-${randomBytes(3).toString("hex")}@example.com`);
  const renewOpts = (extra: Partial<RenewalOptions> = {}): RenewalOptions => ({
    api: h.api,
    pastDueGraceMs: GRACE_MS,
    owner: `test-${randomBytes(3).toString("hex")}`,
    periodSeconds: null,
    ...extra,
  });
  const portoneGrant = async (m: Member) => (await listGrants(t.db, m.id)).filter((g) => g.source === "portone");
  const paymentsAtPortOne = (subId: string) => Object.values(h.standIn.books.payments).filter((p) => p.id.startsWith(subId));
  const webhookOpts = (): PortOneWebhookOptions => ({ api: h.api, pastDueGraceMs: GRACE_MS, storeId: STORE_ID, livemode: false });

  async function subscribed() {
    const m = await member();
    const { outcome } = await subscribe(t.db, h, m, { publicationId: dataId, tier: "premium" }, T);
    if (!outcome.ok) throw new Error(outcome.message);
    const sub = (await getPortOneSubscription(t.db, outcome.subscriptionId))!;
    return { m, sub };
  }

  it("checkout charges the first period once and grants it, with a receipt stating the VAT", async () => {
    const { m, sub } = await subscribed();
    expect(sub).toMatchObject({ status: "active", periodIndex: 1, amount: 7900, currency: "krw" });
    expect(sub.periodEnd!.toISOString()).toBe("2027-02-05T00:00:00.000Z");
    expect(await portoneGrant(m)).toMatchObject([{ publicationId: dataId, tierSlug: "premium", endsAt: sub.periodEnd, revokedAt: null }]);
    expect(paymentsAtPortOne(sub.id)).toHaveLength(1);
    const receipts = await listDeliveriesOf(t.db, { memberId: m.id, kind: "receipt" });
    expect(receipts).toHaveLength(1);
    expect(receipts[0].payload).toMatchObject({ amount: 7900, currency: "krw", vat: 718 });
  });

  it("renews exactly once per period, whoever runs the job how often", async () => {
    const { m, sub } = await subscribed();
    const due = new Date(sub.periodEnd!.getTime() + 1000);
    const [a, b] = await Promise.all([runRenewals(t.db, renewOpts(), due), runRenewals(t.db, renewOpts(), due)]);
    expect(a.paid + b.paid).toBe(1);
    expect((await runRenewals(t.db, renewOpts(), new Date(due.getTime() + 10 * MIN))).claimed).toBe(0);
    const after = (await getPortOneSubscription(t.db, sub.id))!;
    expect(after).toMatchObject({ status: "active", periodIndex: 2 });
    expect(after.periodEnd!.toISOString()).toBe("2027-03-05T00:00:00.000Z");
    expect(paymentsAtPortOne(sub.id).map((p) => p.status)).toEqual(["PAID", "PAID"]);
    expect(await portoneGrant(m)).toMatchObject([{ endsAt: after.periodEnd, revokedAt: null }]);
  });

  it("a declined renewal keeps access through the past-due grace and is retried; a later success restores it", async () => {
    const { m, sub } = await subscribed();
    const end = sub.periodEnd!;
    h.standIn.failNextCharges(1);
    expect(await runRenewals(t.db, renewOpts(), new Date(end.getTime() + 1000))).toMatchObject({ declined: 1 });
    const pastDue = (await getPortOneSubscription(t.db, sub.id))!;
    expect(pastDue).toMatchObject({ status: "past_due", attempts: 1 });
    expect(pastDue.nextChargeAt).toEqual(nextRetryAt(end, 1, new Date(end.getTime() + 1000)));
    expect(await portoneGrant(m)).toMatchObject([{ endsAt: new Date(end.getTime() + GRACE_MS), revokedAt: null }]);
    // Not due yet: nothing is charged before the retry time.
    expect((await runRenewals(t.db, renewOpts(), new Date(end.getTime() + 2 * MIN))).claimed).toBe(0);
    expect(await runRenewals(t.db, renewOpts(), pastDue.nextChargeAt!)).toMatchObject({ paid: 1 });
    const renewed = (await getPortOneSubscription(t.db, sub.id))!;
    expect(renewed).toMatchObject({ status: "active", periodIndex: 2, attempts: 0, lastError: null });
    expect(await portoneGrant(m)).toMatchObject([{ endsAt: renewed.periodEnd, revokedAt: null }]);
    expect(paymentsAtPortOne(sub.id).map((p) => p.status)).toEqual(["PAID", "PAID"]);
  });

  it("after the last declined retry the subscription ends where the paid period ended", async () => {
    const { m, sub } = await subscribed();
    const end = sub.periodEnd!;
    h.standIn.failNextCharges(10);
    let now = new Date(end.getTime() + 1000);
    for (let i = 0; i < 4; i++) {
      await runRenewals(t.db, renewOpts(), now);
      const s = (await getPortOneSubscription(t.db, sub.id))!;
      if (s.status === "canceled") break;
      now = s.nextChargeAt!;
    }
    h.standIn.failNextCharges(0);
    const ended = (await getPortOneSubscription(t.db, sub.id))!;
    expect(ended).toMatchObject({ status: "canceled", attempts: 4 });
    expect(ended.endedAt).toEqual(end);
    expect(await portoneGrant(m)).toMatchObject([{ endsAt: end }]);
    expect(paymentsAtPortOne(sub.id).map((p) => p.status)).toEqual(["PAID", "FAILED"]);
  });

  it("cancel at period end charges nothing more and ends access at the period end; resuming renews", async () => {
    const a = await subscribed();
    await setCancelAtPeriodEnd(t.db, { subscriptionId: a.sub.id, memberId: a.m.id, cancel: true, pastDueGraceMs: GRACE_MS }, T);
    expect(await portoneGrant(a.m)).toMatchObject([{ endsAt: a.sub.periodEnd, revokedAt: null }]);
    expect((await listDeliveriesOf(t.db, { memberId: a.m.id, kind: "cancellation" })).length).toBe(1);
    expect(await runRenewals(t.db, renewOpts(), new Date(a.sub.periodEnd!.getTime() + 1000))).toMatchObject({ ended: 1, paid: 0 });
    expect(await getPortOneSubscription(t.db, a.sub.id)).toMatchObject({ status: "canceled" });
    expect(paymentsAtPortOne(a.sub.id)).toHaveLength(1);
    expect(await portoneGrant(a.m)).toMatchObject([{ endsAt: a.sub.periodEnd }]);

    const b = await subscribed();
    await setCancelAtPeriodEnd(t.db, { subscriptionId: b.sub.id, memberId: b.m.id, cancel: true, pastDueGraceMs: GRACE_MS }, T);
    await setCancelAtPeriodEnd(t.db, { subscriptionId: b.sub.id, memberId: b.m.id, cancel: false, pastDueGraceMs: GRACE_MS }, T);
    expect(await runRenewals(t.db, renewOpts(), new Date(b.sub.periodEnd!.getTime() + 1000))).toMatchObject({ paid: 1 });
    // Nobody else's subscription can be cancelled.
    await expect(setCancelAtPeriodEnd(t.db, { subscriptionId: b.sub.id, memberId: a.m.id, cancel: true, pastDueGraceMs: GRACE_MS }, T)).rejects.toMatchObject({
      code: "not_found:subscription",
    });
  });

  it("a partial refund shortens the grant in proportion and stops renewal; a full refund ends it", async () => {
    const { m, sub } = await subscribed();
    const start = sub.periodStart!.getTime();
    const span = sub.periodEnd!.getTime() - start;
    await refundCurrentPeriod(t.db, h.api, { subscriptionId: sub.id, memberId: m.id, amount: 3950, reason: "test", pastDueGraceMs: GRACE_MS }, T);
    const half = new Date(Math.floor((start + span / 2) / 1000) * 1000);
    expect(await portoneGrant(m)).toMatchObject([{ endsAt: half, revokedAt: null }]);
    expect((await runRenewals(t.db, renewOpts(), new Date(sub.periodEnd!.getTime() + 1000))).paid).toBe(0);

    const full = await subscribed();
    await refundCurrentPeriod(t.db, h.api, { subscriptionId: full.sub.id, memberId: full.m.id, reason: "test", pastDueGraceMs: GRACE_MS }, T);
    const [g] = await portoneGrant(full.m);
    expect(g.revokedAt ?? g.endsAt).not.toBeNull();
    expect(g.revokedReason ?? "").toMatch(/^portone:/);
    expect(Math.min(g.endsAt!.getTime(), (g.revokedAt ?? g.endsAt)!.getTime())).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await getPortOneSubscription(t.db, full.sub.id)).toMatchObject({ status: "canceled" });
  });

  it("PortOne unreachable: checkout fails with a clear message and records nothing paid; renewals are retried and nobody loses paid access", async () => {
    const m = await member();
    h.standIn.setDown(true);
    try {
      await expect(subscribe(t.db, h, m, { publicationId: dataId, tier: "premium" }, T)).rejects.toThrow(/issueBillingKey/);
    } finally {
      h.standIn.setDown(false);
    }
    const { m: m2, sub } = await subscribed();
    const end = sub.periodEnd!;
    h.standIn.setDown(true);
    try {
      expect(await runRenewals(t.db, renewOpts(), new Date(end.getTime() + 1000))).toMatchObject({ unavailable: 1 });
    } finally {
      h.standIn.setDown(false);
    }
    const waiting = (await getPortOneSubscription(t.db, sub.id))!;
    expect(waiting).toMatchObject({ attempts: 0, periodIndex: 1 });
    expect(waiting.lastError).toMatch(/payWithBillingKey/);
    // The member keeps the paid period and the grace meanwhile.
    expect((await portoneGrant(m2))[0].endsAt!.getTime()).toBeGreaterThanOrEqual(end.getTime());
    expect(await runRenewals(t.db, renewOpts(), waiting.nextChargeAt!)).toMatchObject({ paid: 1 });
    expect(await getPortOneSubscription(t.db, sub.id)).toMatchObject({ status: "active", periodIndex: 2, lastError: null });
  });

  it("checkout with PortOne down after the billing key was issued answers 'unavailable' and grants nothing", async () => {
    const m = await member();
    const { issueKey } = await import("./helpers/portone");
    const { completePortOneCheckout } = await import("@/lib/billing/portone/checkout");
    const { newDemoIntent } = await import("@/lib/billing/demo/intent");
    const billingKey = await issueKey(h.api, m);
    h.standIn.setDown(true);
    try {
      const intent = newDemoIntent({ memberId: m.id, publicationId: dataId, tier: "premium", interval: "monthly" }, T);
      const outcome = await completePortOneCheckout(t.db, h.api, { member: m, intent, billingKey, pastDueGraceMs: GRACE_MS, periodSeconds: null }, T);
      expect(outcome).toMatchObject({ ok: false, code: "unavailable" });
    } finally {
      h.standIn.setDown(false);
    }
    expect(await portoneGrant(m)).toEqual([]);
  });

  it("forged and replayed webhooks answer 400 and change nothing; PortOne's own retry is a no-op", async () => {
    const { sub } = await subscribed();
    const paymentId = `${sub.id}-p1`;
    const counts = async () => ({
      events: (await t.db.select({ n: count() }).from(stripeEvents))[0].n,
      sub: await getPortOneSubscription(t.db, sub.id),
      ledger: (await t.db.select().from(stripeSubscriptions).where(eq(stripeSubscriptions.id, sub.id)))[0],
    });
    const w = portoneWebhook(h.secret, "Transaction.Paid", { paymentId, storeId: STORE_ID }, new Date());
    expect((await handlePortOneWebhook(t.db, w.body, new Headers(w.headers), h.secret, webhookOpts())).status).toBe(200);
    const before = await counts();

    const forged = portoneWebhook(`whsec_${randomBytes(32).toString("base64")}`, "Transaction.Cancelled", { paymentId, storeId: STORE_ID }, new Date());
    expect((await handlePortOneWebhook(t.db, forged.body, new Headers(forged.headers), h.secret, webhookOpts())).status).toBe(400);
    const tampered = { ...w.headers };
    expect((await handlePortOneWebhook(t.db, w.body.replace("Paid", "Cancelled"), new Headers(tampered), h.secret, webhookOpts())).status).toBe(400);
    const stale = portoneWebhook(h.secret, "Transaction.Paid", { paymentId, storeId: STORE_ID }, new Date(Date.now() - 3_600_000));
    expect((await handlePortOneWebhook(t.db, stale.body, new Headers(stale.headers), h.secret, webhookOpts())).status).toBe(400);
    const unsigned = { "content-type": "application/json", "webhook-id": w.id, "webhook-timestamp": w.headers["webhook-timestamp"] };
    expect((await handlePortOneWebhook(t.db, w.body, new Headers(unsigned), h.secret, webhookOpts())).status).toBe(400);
    // The exact request captured and sent again.
    expect(await handlePortOneWebhook(t.db, w.body, new Headers(w.headers), h.secret, webhookOpts())).toMatchObject({ status: 400 });
    expect(await counts()).toEqual(before);
    // PortOne's retry of the same webhook is signed anew: acknowledged, nothing applied twice.
    const retry = resign(h.secret, w, new Date(Date.now() + 1000));
    expect((await handlePortOneWebhook(t.db, retry.body, new Headers(retry.headers), h.secret, webhookOpts())).status).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it("a payment whose amount or currency is not the price's is refused, logged, and pays for nothing", async () => {
    const { m, sub } = await subscribed();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const paymentId = `${sub.id}-p2`;
      await t.db.insert(portonePayments).values({
        id: paymentId,
        subscriptionId: sub.id,
        periodIndex: 2,
        periodStart: sub.periodEnd!,
        periodEnd: new Date(sub.periodEnd!.getTime() + 28 * 86_400_000),
        amount: 7900,
        currency: "krw",
      });
      // Someone pays that period at PortOne for ₩100.
      await h.api.payWithBillingKey({ paymentId, billingKey: sub.billingKey, orderName: "x", amount: 100, customerId: "c", email: m.email, customData: "" });
      const w = portoneWebhook(h.secret, "Transaction.Paid", { paymentId, storeId: STORE_ID }, new Date());
      expect((await handlePortOneWebhook(t.db, w.body, new Headers(w.headers), h.secret, webhookOpts())).status).toBe(200);
      const [event] = await t.db
        .select()
        .from(stripeEvents)
        .where(eq(stripeEvents.id, `portone:${w.id}`));
      expect(event).toMatchObject({ status: "unapplied" });
      expect(event.reason).toMatch(/amount 100 is not the price's 7900/);
      // A currency other than the price's, as PortOne could report it.
      const usd = { ...h.api, getPayment: async (id: string) => ({ ...((await h.api.getPayment(id)) as object), amount: { total: 7900 }, currency: "USD" }) };
      const w2 = portoneWebhook(h.secret, "Transaction.Paid", { paymentId, storeId: STORE_ID }, new Date());
      expect((await handlePortOneWebhook(t.db, w2.body, new Headers(w2.headers), h.secret, { ...webhookOpts(), api: usd })).status).toBe(200);
      const [event2] = await t.db
        .select()
        .from(stripeEvents)
        .where(eq(stripeEvents.id, `portone:${w2.id}`));
      expect(event2.reason).toMatch(/currency usd/);
      expect(errors.mock.calls.flat().join(" ")).toMatch(/refused: amount 100/);
      expect(await getPortOneSubscription(t.db, sub.id)).toMatchObject({ periodIndex: 1 });
      expect(await portoneGrant(m)).toMatchObject([{ endsAt: sub.periodEnd }]);
    } finally {
      errors.mockRestore();
    }
  });

  it("a member who pays publication A through Stripe and B through PortOne holds both grants", async () => {
    const m = await member();
    const ns = `${kind}${randomBytes(5).toString("hex")}`;
    expect(await deliverAll(t.db, inOrder(subscriptionHistory({ ns, memberId: m.id, email: m.email })).slice(0, 4))).toEqual([200, 200, 200, 200]);
    const { outcome } = await subscribe(t.db, h, m, { publicationId: dataId, tier: "premium" }, T);
    expect(outcome.ok).toBe(true);
    const grants = await listGrants(t.db, m.id);
    expect(grants.map((g) => [g.source, g.publicationId, g.tierSlug]).sort()).toEqual([
      ["portone", dataId, "premium"],
      ["stripe", primaryId, "premium"],
    ]);
  });

  it("portone:reconcile finds what webhooks never brought (a charge, a refund) and --fix applies it once", async () => {
    const { m, sub } = await subscribed();
    const paymentId = `${sub.id}-p2`;
    const end2 = new Date(sub.periodEnd!.getTime() + 28 * 86_400_000);
    await t.db
      .insert(portonePayments)
      .values({ id: paymentId, subscriptionId: sub.id, periodIndex: 2, periodStart: sub.periodEnd!, periodEnd: end2, amount: 7900, currency: "krw" });
    // PortOne charged the renewal and refunded the first period; no webhook reached Masthead.
    await h.api.payWithBillingKey({ paymentId, billingKey: sub.billingKey, orderName: "x", amount: 7900, customerId: "c", email: m.email, customData: "" });
    await h.api.cancelPayment({ paymentId: `${sub.id}-p1`, amount: 1000, reason: "goodwill" });
    const actor = cliActor("test", null);
    const lines: string[] = [];
    const dry = await reconcileWithPortOne(t.db, h.api, { fix: false, actor, out: (l) => lines.push(l) });
    const mine = dry.findings.filter((f) => f.subscriptionId === sub.id);
    expect(mine.map((f) => [f.paymentId, f.here, f.portone, f.fixed])).toEqual([
      [`${sub.id}-p1`, "PAID", "PARTIAL_CANCELLED (refunded ₩1000)", false],
      [paymentId, "READY", "PAID", false],
    ]);
    expect(lines.join("\n")).toMatch(/--fix/);
    expect(await getPortOneSubscription(t.db, sub.id)).toMatchObject({ periodIndex: 1 });

    const fixed = await reconcileWithPortOne(t.db, h.api, { fix: true, actor, out: () => undefined });
    expect(fixed.findings.filter((f) => f.subscriptionId === sub.id).every((f) => f.fixed)).toBe(true);
    expect(await getPortOneSubscription(t.db, sub.id)).toMatchObject({ periodIndex: 2, status: "active" });
    expect(await portoneGrant(m)).toMatchObject([{ endsAt: end2, revokedAt: null }]);
    const again = await reconcileWithPortOne(t.db, h.api, { fix: true, actor, out: () => undefined });
    expect(again.findings.filter((f) => f.subscriptionId === sub.id)).toEqual([]);
    expect(paymentsAtPortOne(sub.id).filter((p) => p.status === "PAID")).toHaveLength(1);
  });
});
