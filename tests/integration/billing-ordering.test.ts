import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureMember } from "@/db/queries/members";
import { databaseKinds, type TestDatabase } from "./helpers/databases";
import type { Json } from "./helpers/stripe-fixtures";
import { inOrder, subscriptionHistory } from "./helpers/stripe-history";
import { deliver, deliverAll, grantShapesOf, openTiersDatabase } from "./helpers/stripe-webhook";

// Order safety: whatever order (and however often) Stripe delivers a subscription's events, the
// member ends with the grants that in-order delivery gives.

type Variant = { refund: boolean; withMetadata: boolean };

describe.each(databaseKinds())("webhook ordering on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTiersDatabase(kind);
  });
  afterAll(async () => t?.close());

  async function fresh(v: Variant) {
    const ns = `${kind}${randomBytes(5).toString("hex")}`;
    const member = await ensureMember(t.db, `${ns}@example.com`);
    const h = subscriptionHistory({ ns, memberId: member.id, email: member.email, withMetadata: v.withMetadata });
    return { member, h, events: inOrder(h, { refund: v.refund }) };
  }
  const normalized = (memberId: number) => grantShapesOf(t.db, memberId);

  const expected = new Map<string, Awaited<ReturnType<typeof normalized>>>();
  async function inOrderResult(v: Variant) {
    const k = JSON.stringify(v);
    if (!expected.has(k)) {
      const { member, events } = await fresh(v);
      expect(await deliverAll(t.db, events)).toEqual(events.map(() => 200));
      expected.set(k, await normalized(member.id));
    }
    return expected.get(k);
  }

  it("in-order delivery ends canceled at the period end, or revoked by the refund", async () => {
    expect(await inOrderResult({ refund: false, withMetadata: true })).toMatchObject([{ tier: "premium", revokedAt: null }]);
    expect(await inOrderResult({ refund: true, withMetadata: true })).toMatchObject([{ tier: "premium", reason: "stripe:refunded" }]);
  });

  it("any permutation of the history, with redeliveries, ends in the same grants (property)", async () => {
    const variant = fc.record({ refund: fc.boolean(), withMetadata: fc.boolean() });
    const run = variant.chain((v) => {
      const n = v.refund ? 10 : 9;
      const order = fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });
      return fc.tuple(fc.constant(v), order, fc.array(fc.nat({ max: n - 1 }), { maxLength: 4 }));
    });
    await fc.assert(
      fc.asyncProperty(run, async ([v, order, redeliver]) => {
        const { member, events } = await fresh(v);
        const deliveries: Json[] = [...order.map((i) => events[i]), ...redeliver.map((i) => events[i])];
        expect(await deliverAll(t.db, deliveries)).toEqual(deliveries.map(() => 200));
        expect(await normalized(member.id)).toEqual(await inOrderResult(v));
      }),
      { numRuns: kind === "pglite" ? 25 : 40 },
    );
  });

  it.skipIf(kind === "pglite")("16 concurrent deliveries of overlapping events apply each once and converge", async () => {
    for (let round = 0; round < 4; round++) {
      const v = { refund: round % 2 === 0, withMetadata: round < 2 };
      const { member, events } = await fresh(v);
      // Every event at least once, the rest duplicates, all in flight at the same time.
      const deliveries = [...events, ...events].slice(0, 16).sort(() => Math.random() - 0.5);
      const results = await Promise.all(deliveries.map((e) => deliver(t.db, e)));
      expect(results.map((r) => r.status)).toEqual(deliveries.map(() => 200));
      expect(await normalized(member.id)).toEqual(await inOrderResult(v));
    }
  });
});
