import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStripeEvent } from "@/db/queries/billing";
import { ensureMember, listGrants } from "@/db/queries/members";
import { listTiers } from "@/db/queries/taxonomy";
import { stripeSubscriptions, tiers } from "@/db/schema";
import { requirePrimaryPublication } from "@/db/seed/seed";
import { resolveEffectiveAccess } from "@/lib/access";
import { forgetEpochs, knownEpoch } from "@/lib/auth/epochs";
import { rederiveSubscriptionGrant } from "@/lib/billing/ledger/rederive";
import { databaseKinds, type TestDatabase } from "./helpers/databases";
import { merge } from "./helpers/stripe-fixtures";
import { DAY, P1, P2, T0, inOrder, subscriptionHistory } from "./helpers/stripe-history";
import { deliver, deliverAll, epochOf, grantShapesOf, openTiersDatabase, stripeGrantsOf } from "./helpers/stripe-webhook";

const at = (s: number) => new Date(s * 1000);

describe.each(databaseKinds())("stripe webhook on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTiersDatabase(kind);
    // The process-wide epoch map (lib/auth/epochs.ts) outlives a database; member ids repeat
    // across the suites, so each suite starts with an empty map.
    forgetEpochs();
  });
  afterAll(async () => t?.close());

  async function newHistory(extra: Partial<Parameters<typeof subscriptionHistory>[0]> = {}) {
    const ns = `${kind}${randomBytes(4).toString("hex")}`;
    const member = await ensureMember(t.db, `${ns}@example.com`);
    return { member, h: subscriptionHistory({ ns, memberId: member.id, email: member.email, ...extra }) };
  }
  // The member's tier in the primary publication (lookup keys without a publication prefix sell its tiers).
  async function tierAt(memberId: number, instant: number) {
    const pub = await requirePrimaryPublication(t.db);
    const tiers = await listTiers(t.db, pub);
    const grants = (await listGrants(t.db, memberId)).filter((g) => g.publicationId === pub);
    return resolveEffectiveAccess({ grants, tiers, now: at(instant), signedIn: true }).tier.slug;
  }

  it("grants the tier from start_date until exactly the item's current_period_end, and bumps the epoch", async () => {
    const { member, h } = await newHistory();
    expect(await deliver(t.db, h.created)).toEqual({ status: 200, body: { received: true } });
    expect(await stripeGrantsOf(t.db, member.id)).toEqual([
      { ref: h.sub, tier: "premium", startsAt: at(T0).toISOString(), endsAt: at(P1).toISOString(), revokedAt: null, reason: null },
    ]);
    expect(await getStripeEvent(t.db, String(h.created.id))).toMatchObject({ status: "applied", memberId: member.id, objectId: h.sub });
    const epoch = await epochOf(t.db, member.id);
    expect(epoch).toBeGreaterThan(0);
    expect(knownEpoch(member.id)).toBe(epoch);
  });

  it("delivering every event three times ends exactly like delivering it once", async () => {
    const once = await newHistory();
    const thrice = await newHistory();
    await deliverAll(t.db, inOrder(once.h));
    for (const e of inOrder(thrice.h)) expect(await deliverAll(t.db, [e, e, e])).toEqual([200, 200, 200]);
    expect(await grantShapesOf(t.db, once.member.id)).toMatchObject([{ tier: "premium", endsAt: at(P2).toISOString() }]);
    expect(await grantShapesOf(t.db, thrice.member.id)).toEqual(await grantShapesOf(t.db, once.member.id));
    expect(await epochOf(t.db, thrice.member.id)).toBe(await epochOf(t.db, once.member.id));
  });

  it("cancel at period end keeps access until the period end, then free", async () => {
    const { member, h } = await newHistory();
    await deliverAll(t.db, [h.created, h.firstInvoicePaid, h.checkout, h.renewed, h.cancelScheduled]);
    expect(await tierAt(member.id, P1 + 2 * DAY)).toBe("premium");
    expect(await tierAt(member.id, P2 - 1)).toBe("premium");
    expect(await tierAt(member.id, P2)).toBe("free");
    await deliver(t.db, h.deleted);
    expect((await stripeGrantsOf(t.db, member.id))[0].endsAt).toBe(at(P2).toISOString());
  });

  it("a full refund revokes the grant it paid for and bumps the epoch; a partial one does not", async () => {
    const { member, h } = await newHistory();
    await deliverAll(t.db, [h.created, h.firstInvoicePaid, h.firstPaymentLinked, h.renewed, h.renewalInvoicePaid, h.renewalPaymentLinked]);
    const before = await epochOf(t.db, member.id);
    const partial = merge(h.renewalRefunded, { id: `${String(h.renewalRefunded.id)}_p`, data: { object: { amount_refunded: 500, refunded: false } } });
    expect((await deliver(t.db, partial)).status).toBe(200);
    expect(await getStripeEvent(t.db, String(partial.id))).toMatchObject({ status: "ignored" });
    expect(await epochOf(t.db, member.id)).toBe(before);

    expect((await deliver(t.db, h.renewalRefunded)).status).toBe(200);
    const [grant] = await stripeGrantsOf(t.db, member.id);
    expect(grant).toMatchObject({ revokedAt: at(P1 + 2 * DAY).toISOString(), reason: "stripe:refunded" });
    expect(await epochOf(t.db, member.id)).toBe((before ?? 0) + 1);
    expect(knownEpoch(member.id)).toBe((before ?? 0) + 1);
    expect(await tierAt(member.id, P1 + 2 * DAY + 1)).toBe("free");
  });

  it("a refund that arrives before its payment is linked is applied when the link arrives", async () => {
    const { member, h } = await newHistory();
    const refundFirst = merge(h.renewalRefunded, { id: `${String(h.renewalRefunded.id)}_1`, data: { object: { payment_intent: h.paymentIntents[0] } } });
    await deliverAll(t.db, [h.created, h.firstInvoicePaid, refundFirst]);
    expect(await getStripeEvent(t.db, String(refundFirst.id))).toMatchObject({ status: "unapplied" });
    expect((await stripeGrantsOf(t.db, member.id))[0].revokedAt).toBeNull();
    await deliver(t.db, h.firstPaymentLinked);
    expect((await stripeGrantsOf(t.db, member.id))[0]).toMatchObject({ reason: "stripe:refunded" });
  });

  it("records an unknown price as unapplied with the reason, grants nothing until the price is mapped", async () => {
    const { member, h } = await newHistory({ lookupKey: "gold_monthly", priceId: "price_gold_unmapped" });
    expect((await deliver(t.db, h.created)).status).toBe(200);
    const row = await getStripeEvent(t.db, String(h.created.id));
    expect(row).toMatchObject({ status: "unapplied" });
    expect(row?.reason).toContain("price_gold_unmapped");
    expect(await stripeGrantsOf(t.db, member.id)).toEqual([]);

    // Once an admin stores the price on a tier, the kept snapshot yields the grant without Stripe.
    const pub = await requirePrimaryPublication(t.db);
    await t.db
      .update(tiers)
      .set({ stripeMonthlyPriceId: "price_gold_unmapped" })
      .where(and(eq(tiers.publicationId, pub), eq(tiers.slug, "supporter")));
    await rederiveSubscriptionGrant(t.db, h.sub, { pastDueGraceMs: 0 });
    expect(await stripeGrantsOf(t.db, member.id)).toMatchObject([{ tier: "supporter", endsAt: at(P1).toISOString() }]);
  });

  it("links an unknown customer by the invoice's email, creating the member", async () => {
    const ns = `${kind}${randomBytes(4).toString("hex")}`;
    const h = subscriptionHistory({ ns, memberId: 2_000_000_000, email: `${ns}-buyer@example.com`, withMetadata: false });
    await deliver(t.db, h.created);
    expect(await getStripeEvent(t.db, String(h.created.id))).toMatchObject({ status: "unapplied" });
    await deliver(t.db, h.firstInvoicePaid);
    const [sub] = await t.db.select().from(stripeSubscriptions).where(eq(stripeSubscriptions.id, h.sub));
    expect(sub.memberId).not.toBeNull();
    expect(await stripeGrantsOf(t.db, sub.memberId ?? 0)).toMatchObject([{ tier: "premium", endsAt: at(P1).toISOString() }]);
  });

  it("a failure mid-processing leaves no partial state, and the retry succeeds", async () => {
    const { member, h } = await newHistory();
    const epoch = await epochOf(t.db, member.id);
    const known = knownEpoch(member.id);
    const failed = await deliver(t.db, h.created, {
      beforeCommit: () => {
        throw new Error("injected failure after the writes");
      },
    });
    expect(failed.status).toBe(500);
    expect(await getStripeEvent(t.db, String(h.created.id))).toBeNull();
    expect(await stripeGrantsOf(t.db, member.id)).toEqual([]);
    expect(await t.db.select().from(stripeSubscriptions).where(eq(stripeSubscriptions.id, h.sub))).toEqual([]);
    expect(await epochOf(t.db, member.id)).toBe(epoch);
    expect(knownEpoch(member.id)).toBe(known);

    expect((await deliver(t.db, h.created)).status).toBe(200);
    expect(await getStripeEvent(t.db, String(h.created.id))).toMatchObject({ status: "applied" });
    expect(await stripeGrantsOf(t.db, member.id)).toHaveLength(1);
  });

  it("acknowledges irrelevant events and events of the other mode without acting on them", async () => {
    const { member, h } = await newHistory();
    const other = merge(h.created, { id: `${String(h.created.id)}_other`, type: "customer.created" });
    expect((await deliver(t.db, other)).status).toBe(200);
    expect(await getStripeEvent(t.db, String(other.id))).toMatchObject({ status: "ignored", reason: "event type not handled" });
    expect((await deliver(t.db, h.created, { expectLivemode: true })).status).toBe(200);
    expect(await getStripeEvent(t.db, String(h.created.id))).toMatchObject({ status: "ignored" });
    expect(await stripeGrantsOf(t.db, member.id)).toEqual([]);
  });
});
