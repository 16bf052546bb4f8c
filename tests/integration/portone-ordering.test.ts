import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureMember, listGrants } from "@/db/queries/members";
import { getPublicationBySlug } from "@/db/queries/publications";
import { getPortOneSubscription, insertPortOneSubscription, listPortOnePayments } from "@/db/queries/portone";
import { portonePayments } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { forgetEpochs } from "@/lib/auth/epochs";
import { createPortOneApi, PortOneRefused, type PortOneApi } from "@/lib/billing/portone/api";
import { PortOneStandIn } from "@/lib/billing/portone/standin/server";
import { newWebhookSecret, portoneWebhook } from "@/lib/billing/portone/standin/webhooks";
import { handlePortOneWebhook } from "@/lib/billing/portone/webhook";
import { databaseKinds, openTestDatabase, type TestDatabase } from "./helpers/databases";
import { GRACE_MS, STORE_ID } from "./helpers/portone";

// Order safety for PortOne, as billing-ordering.test.ts proves it for Stripe: a subscription's
// webhooks (billing key issued, first period paid, renewal failed then paid, partial and full
// refunds, key deleted) delivered in any order, some twice, each handler fetching the payment
// when it runs (so it may see a later state than the one its webhook announced), end in exactly
// the state in-order delivery gives: the same grant, subscription and payments.

const TEMPLATE = "pos_TEMPLATE";
const MONTH = 30 * 86_400_000;
const START = new Date("2027-03-01T00:00:00Z");
const NOW = new Date("2027-04-10T00:00:00Z");
type Refund = "none" | "partial" | "partial+full" | "full";
const REFUNDS: Refund[] = ["none", "partial", "partial+full", "full"];

type Recorded = { type: string; paymentId: string | null; version: number };
type History = { webhooks: Recorded[]; versions: { paymentId: string; json: string }[] };

/** One subscription's life at the stand-in (ids under TEMPLATE), with every payment version. */
async function record(refund: Refund): Promise<History> {
  let clock = START.getTime();
  const standIn = new PortOneStandIn({ apiSecret: "s", webhookSecret: newWebhookSecret(), storeId: STORE_ID, now: () => new Date((clock += 60_000)) });
  await standIn.start();
  const api = createPortOneApi({ secret: "s", baseUrl: standIn.url, storeId: STORE_ID });
  try {
    const { billingKey } = await api.issueBillingKey({
      card: { number: "4242424242424242", expiryYear: "30", expiryMonth: "12" },
      customerId: "c",
      email: "e@example.com",
    });
    const pay = (period: number) =>
      api.payWithBillingKey({
        paymentId: `${TEMPLATE}-p${period}`,
        billingKey,
        orderName: "premium",
        amount: 7900,
        customerId: "c",
        email: "e@example.com",
        customData: "",
      });
    await pay(1);
    standIn.failNextCharges(1);
    await expect(pay(2)).rejects.toBeInstanceOf(PortOneRefused);
    await pay(2);
    if (refund === "partial" || refund === "partial+full") await api.cancelPayment({ paymentId: `${TEMPLATE}-p2`, amount: 3950, reason: "partial" });
    if (refund === "partial+full" || refund === "full") await api.cancelPayment({ paymentId: `${TEMPLATE}-p2`, reason: "full" });
    await api.deleteBillingKey(billingKey);
    let v = 0;
    const webhooks = standIn.webhooks.map((w): Recorded => {
      const body = JSON.parse(w.body) as { type: string; data: { paymentId?: string } };
      return { type: body.type, paymentId: body.data.paymentId ?? null, version: body.data.paymentId ? v++ : -1 };
    });
    return { webhooks, versions: standIn.versions.map((x) => ({ paymentId: x.payment.id, json: JSON.stringify(x.payment) })) };
  } finally {
    await standIn.stop();
  }
}

describe.each(databaseKinds())("PortOne webhook ordering on %s", (kind) => {
  let t: TestDatabase;
  let dataId = 0;
  const secret = newWebhookSecret();
  const histories = new Map<Refund, History>();
  const expected = new Map<Refund, unknown>();

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await seedDemo(t.db, START);
    dataId = (await getPublicationBySlug(t.db, "data"))!.id;
    forgetEpochs();
    for (const r of REFUNDS) histories.set(r, await record(r));
  });
  afterAll(async () => t?.close());

  /** A member whose subscription and planned periods exist as checkout and the renewal job left them. */
  async function fresh() {
    const ns = randomBytes(5).toString("hex");
    const member = await ensureMember(t.db, `po-order-${kind}-${ns}@example.com`);
    const subId = `pos_${ns}`;
    await insertPortOneSubscription(t.db, {
      id: subId,
      memberId: member.id,
      publicationId: dataId,
      tierSlug: "premium",
      interval: "monthly",
      amount: 7900,
      billingKey: "billing-key-x",
      createdAt: START,
    });
    for (const i of [1, 2]) {
      await t.db.insert(portonePayments).values({
        id: `${subId}-p${i}`,
        subscriptionId: subId,
        periodIndex: i,
        periodStart: new Date(START.getTime() + (i - 1) * MONTH),
        periodEnd: new Date(START.getTime() + i * MONTH),
        amount: 7900,
        currency: "krw",
      });
    }
    return { ns, member, subId };
  }

  /** Delivers webhook `k` of the history; its handler's fetch sees version `seen` (≥ its own). */
  async function deliver(h: History, run: { ns: string; subId: string }, k: number, seen: number, at: number) {
    const w = h.webhooks[k];
    const paymentId = w.paymentId?.replace(TEMPLATE, run.subId);
    const api: PortOneApi = {
      getPayment: async () => JSON.parse(h.versions[seen].json.replaceAll(TEMPLATE, run.subId)) as unknown,
      payWithBillingKey: () => Promise.reject(new Error("not on the webhook path")),
      cancelPayment: () => Promise.reject(new Error("not on the webhook path")),
      getBillingKeyInfo: () => Promise.reject(new Error("not on the webhook path")),
      deleteBillingKey: () => Promise.reject(new Error("not on the webhook path")),
      issueBillingKey: () => Promise.reject(new Error("not on the webhook path")),
    };
    const data: Record<string, string> = { storeId: STORE_ID, ...(paymentId ? { paymentId } : { billingKey: "billing-key-x" }) };
    const signed = portoneWebhook(secret, w.type, data, new Date(Date.now() + at * 1000), `wh_${run.ns}_${k}`);
    return (
      await handlePortOneWebhook(
        t.db,
        signed.body,
        new Headers(signed.headers),
        secret,
        { api, pastDueGraceMs: GRACE_MS, storeId: STORE_ID, livemode: false },
        NOW,
      )
    ).status;
  }

  async function outcome(run: { member: { id: number }; subId: string }) {
    const sub = (await getPortOneSubscription(t.db, run.subId))!;
    return {
      grants: (await listGrants(t.db, run.member.id)).map((g) => ({
        source: g.source,
        tier: g.tierSlug,
        startsAt: g.startsAt,
        endsAt: g.endsAt,
        revokedAt: g.revokedAt,
        reason: g.revokedReason,
      })),
      sub: {
        status: sub.status,
        periodIndex: sub.periodIndex,
        periodStart: sub.periodStart,
        periodEnd: sub.periodEnd,
        cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
        canceledAt: sub.canceledAt,
        endedAt: sub.endedAt,
      },
      payments: (await listPortOnePayments(t.db, run.subId)).map((p) => ({ status: p.status, cancelledAmount: p.cancelledAmount, paidAt: p.paidAt })),
    };
  }

  // Each webhook's own version: the payment as it was when PortOne sent it.
  const own = (h: History, k: number) => h.webhooks[k].version;

  async function inOrder(refund: Refund) {
    if (!expected.has(refund)) {
      const h = histories.get(refund)!;
      const run = await fresh();
      for (let k = 0; k < h.webhooks.length; k++) expect(await deliver(h, run, k, Math.max(0, own(h, k)), k)).toBe(200);
      expected.set(refund, await outcome(run));
    }
    return expected.get(refund);
  }

  it("in order: paid, renewed after a decline, then shortened or ended by the refunds", async () => {
    const end2 = new Date(START.getTime() + 2 * MONTH);
    expect(await inOrder("none")).toMatchObject({
      sub: { status: "active", periodIndex: 2, periodEnd: end2 },
      grants: [{ source: "portone", tier: "premium", endsAt: end2, revokedAt: null }],
    });
    expect(await inOrder("partial")).toMatchObject({
      sub: { status: "active", periodIndex: 2, periodEnd: new Date(START.getTime() + 1.5 * MONTH) },
      grants: [{ endsAt: new Date(START.getTime() + 1.5 * MONTH), revokedAt: null }],
    });
    expect(await inOrder("partial+full")).toMatchObject({
      sub: { status: "canceled" },
      payments: [{ status: "PAID" }, { status: "CANCELLED", cancelledAmount: 7900 }],
      grants: [{ reason: "portone:refunded" }],
    });
    expect(await inOrder("full")).toMatchObject({ sub: { status: "canceled" }, grants: [{ reason: "portone:refunded" }] });
  });

  it("any order, with redeliveries and late fetches, ends where in-order delivery ends (property)", async () => {
    const run = fc.constantFrom(...REFUNDS).chain((refund) => {
      const h = histories.get(refund)!;
      const n = h.webhooks.length;
      const order = fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });
      const again = fc.array(fc.nat({ max: n - 1 }), { maxLength: 4 });
      // How much later than its webhook each handler's fetch happens (in payment versions).
      const lateness = fc.array(fc.nat({ max: 6 }), { minLength: n + 4, maxLength: n + 4 });
      return fc.tuple(fc.constant(refund), order, again, lateness);
    });
    await fc.assert(
      fc.asyncProperty(run, async ([refund, order, again, lateness]) => {
        const h = histories.get(refund)!;
        const r = await fresh();
        const deliveries = [...order, ...again];
        const statuses: number[] = [];
        for (const [i, k] of deliveries.entries()) {
          const mine = own(h, k);
          // A later version of the same payment (never another payment's).
          let seen = Math.max(0, mine);
          if (mine >= 0) {
            const later = h.versions.map((v, idx) => ({ v, idx })).filter((x) => x.idx >= mine && x.v.paymentId === h.versions[mine].paymentId);
            seen = later[Math.min(lateness[i], later.length - 1)].idx;
          }
          statuses.push(await deliver(h, r, k, seen, i));
        }
        expect(statuses).toEqual(deliveries.map(() => 200));
        expect(await outcome(r)).toEqual(await inOrder(refund));
      }),
      { numRuns: kind === "pglite" ? 30 : 20 },
    );
  });

  it("a webhook delivered twice applies once (the ledger row is the guard)", async () => {
    const h = histories.get("none")!;
    const r = await fresh();
    for (let k = 0; k < h.webhooks.length; k++) await deliver(h, r, k, Math.max(0, own(h, k)), k);
    const once = await outcome(r);
    for (let k = 0; k < h.webhooks.length; k++) expect(await deliver(h, r, k, Math.max(0, own(h, k)), 20 + k)).toBe(200);
    expect(await outcome(r)).toEqual(once);
    expect((await t.db.select().from(portonePayments).where(eq(portonePayments.subscriptionId, r.subId))).length).toBe(2);
  });
});
