import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStripeEvent, getSubscription } from "@/db/queries/billing";
import { ensureMember, getGrantBySource, getMemberByEmail, listGrants } from "@/db/queries/members";
import { getPublicationBySlug } from "@/db/queries/publications";
import { members } from "@/db/schema";
import { requirePrimaryPublication, seedDemo } from "@/db/seed/seed";
import { forgetEpochs } from "@/lib/auth/epochs";
import { tierFromClaims } from "@/lib/auth/claims";
import { loadMemberAccess } from "@/lib/auth/member-access";
import { databaseKinds, openTestDatabase, type TestDatabase } from "./helpers/databases";
import { merge, type Json } from "./helpers/stripe-fixtures";
import { DAY, P1, T0, subscriptionHistory } from "./helpers/stripe-history";
import { deliver, deliverAll } from "./helpers/stripe-webhook";

// Stripe names a tier `<tier>` in the primary publication and `<publication>.<tier>` in the others
// (lookup keys `premium_monthly`, `data.premium_monthly`). These cases run real-shaped events
// through the real webhook core against the demo network: the primary `main` (free, supporter,
// premium) and `data` (free, premium), where the primary's premium includes data's (a bundle).

const at = (s: number) => new Date(s * 1000);
// Inside every history's first paid period (T0 … P1).
const DURING = at(T0 + DAY);

describe.each(databaseKinds())("Stripe billing across publications on %s", (kind) => {
  let t: TestDatabase;
  let primaryId = 0;
  let dataId = 0;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await seedDemo(t.db, at(T0));
    primaryId = await requirePrimaryPublication(t.db);
    dataId = (await getPublicationBySlug(t.db, "data"))!.id;
    // Member ids repeat across suites; the process-wide epoch map must not carry them over.
    forgetEpochs();
  });
  afterAll(async () => t?.close());

  const ns = (label: string) => `${kind}${label}${randomBytes(4).toString("hex")}`;
  async function subscriber(label: string) {
    const id = ns(label);
    return { ns: id, member: await ensureMember(t.db, `${id}@example.com`) };
  }
  // A member's grants, each with the publication it gives access in.
  const grantsOf = async (memberId: number) =>
    (await listGrants(t.db, memberId)).map((g) => ({
      publicationId: g.publicationId,
      tier: g.tierSlug,
      source: g.source,
      ref: g.sourceRef,
      endsAt: g.endsAt?.toISOString() ?? null,
    }));
  // What the member reads as in a publication, as every page and the session decide it.
  const tierIn = async (memberId: number, publicationId: number, now = DURING) =>
    (await loadMemberAccess(t.db, memberId, publicationId, now))!.access.tier.slug;
  const memberCount = async () => (await t.db.select({ n: count() }).from(members))[0].n;
  // A checkout made through a Stripe link: it names the buyer only by the email they typed.
  const emailOnlyCheckout = (checkout: Json) => merge(checkout, { data: { object: { client_reference_id: null, metadata: {} } } });

  it("a price with lookup key data.premium_monthly grants data's premium, and nothing in the primary", async () => {
    const { ns: id, member } = await subscriber("data");
    const h = subscriptionHistory({ ns: id, memberId: member.id, email: member.email, lookupKey: "data.premium_monthly" });
    expect(await deliverAll(t.db, [h.created, h.firstInvoicePaid])).toEqual([200, 200]);

    expect(await grantsOf(member.id)).toEqual([{ publicationId: dataId, tier: "premium", source: "stripe", ref: h.sub, endsAt: at(P1).toISOString() }]);
    expect(await getSubscription(t.db, h.sub)).toMatchObject({ memberId: member.id, publicationId: dataId, tierSlug: "premium" });
    // The ledger names the publication whose price the event concerned.
    expect(await getStripeEvent(t.db, String(h.created.id))).toMatchObject({ status: "applied", publicationId: dataId, memberId: member.id });
    expect(await tierIn(member.id, dataId)).toBe("premium");
    // The primary has a premium tier too, but this price does not sell it.
    expect(await tierIn(member.id, primaryId)).toBe("free");
  });

  it("a price of no known publication is ledgered as unapplied, grants nothing and makes no member from a checkout email", async () => {
    const id = ns("gazette");
    const email = `${id}-buyer@example.com`;
    const h = subscriptionHistory({ ns: id, memberId: 1, email, lookupKey: "gazette.premium_monthly", priceId: `price_${id}_gazette`, withMetadata: false });
    const before = await memberCount();

    // The checkout arrives first and names only an email; then the subscription with its price.
    const checkout = emailOnlyCheckout(h.checkout);
    expect(await deliverAll(t.db, [checkout, h.created])).toEqual([200, 200]);

    const created = await getStripeEvent(t.db, String(h.created.id));
    expect(created).toMatchObject({ status: "unapplied", publicationId: null, memberId: null });
    expect(created?.reason).toContain(`price_${id}_gazette`);
    expect(await getStripeEvent(t.db, String(checkout.id))).toMatchObject({ status: "unapplied", memberId: null });
    expect(await getGrantBySource(t.db, "stripe", h.sub)).toBeNull();
    // No phantom member: the email only waits on the subscription row.
    expect(await getMemberByEmail(t.db, email)).toBeNull();
    expect(await memberCount()).toBe(before);
    expect(await getSubscription(t.db, h.sub)).toMatchObject({ memberId: null, pendingEmail: email, publicationId: null, tierSlug: null });
  });

  it("the same checkout-first order with a price of a known publication creates the member and the grant", async () => {
    const id = ns("known");
    const email = `${id}-buyer@example.com`;
    const h = subscriptionHistory({ ns: id, memberId: 1, email, lookupKey: "data.premium_monthly", withMetadata: false });

    const checkout = emailOnlyCheckout(h.checkout);
    expect((await deliver(t.db, checkout)).status).toBe(200);
    // Until the price is known, the claim waits (the same rule as above)…
    expect(await getMemberByEmail(t.db, email)).toBeNull();

    // …and the snapshot of a price data sells turns it into a member with data's premium.
    expect((await deliver(t.db, h.created)).status).toBe(200);
    const member = await getMemberByEmail(t.db, email);
    expect(member).toMatchObject({ email, stripeCustomerId: h.customer });
    expect(await grantsOf(member!.id)).toEqual([{ publicationId: dataId, tier: "premium", source: "stripe", ref: h.sub, endsAt: at(P1).toISOString() }]);
    expect(await getSubscription(t.db, h.sub)).toMatchObject({ memberId: member!.id, publicationId: dataId, tierSlug: "premium" });
    expect(await getStripeEvent(t.db, String(h.created.id))).toMatchObject({ status: "applied", memberId: member!.id, publicationId: dataId });
    expect(await tierIn(member!.id, dataId)).toBe("premium");
  });

  it("a member subscribed in the primary and in data holds both grants, each in its publication", async () => {
    const { ns: id, member } = await subscriber("both");
    const inPrimary = subscriptionHistory({ ns: `${id}p`, memberId: member.id, email: member.email, lookupKey: "premium_monthly" });
    const inData = subscriptionHistory({ ns: `${id}d`, memberId: member.id, email: member.email, lookupKey: "data.premium_monthly" });
    expect(await deliverAll(t.db, [inPrimary.created, inPrimary.firstInvoicePaid, inData.created, inData.firstInvoicePaid])).toEqual([200, 200, 200, 200]);

    const grants = (await grantsOf(member.id)).sort((a, b) => a.publicationId - b.publicationId);
    expect(grants).toEqual(
      [
        { publicationId: primaryId, tier: "premium", source: "stripe", ref: inPrimary.sub, endsAt: at(P1).toISOString() },
        { publicationId: dataId, tier: "premium", source: "stripe", ref: inData.sub, endsAt: at(P1).toISOString() },
      ].sort((a, b) => a.publicationId - b.publicationId),
    );
    expect(await getStripeEvent(t.db, String(inPrimary.created.id))).toMatchObject({ status: "applied", publicationId: primaryId });
    expect(await getStripeEvent(t.db, String(inData.created.id))).toMatchObject({ status: "applied", publicationId: dataId });
    expect(await tierIn(member.id, primaryId)).toBe("premium");
    expect(await tierIn(member.id, dataId)).toBe("premium");
  });

  it("the bundle: the primary's premium gives premium in data, data's premium gives nothing in the primary", async () => {
    const primarySub = await subscriber("bundle");
    const dataSub = await subscriber("single");
    const hp = subscriptionHistory({ ns: primarySub.ns, memberId: primarySub.member.id, email: primarySub.member.email, lookupKey: "premium_monthly" });
    const hd = subscriptionHistory({ ns: dataSub.ns, memberId: dataSub.member.id, email: dataSub.member.email, lookupKey: "data.premium_monthly" });
    await deliverAll(t.db, [hp.created, hp.firstInvoicePaid, hd.created, hd.firstInvoicePaid]);

    // The grant stays the primary's; data counts it through the bundle.
    expect((await grantsOf(primarySub.member.id)).map((g) => g.publicationId)).toEqual([primaryId]);
    const inData = await loadMemberAccess(t.db, primarySub.member.id, dataId, DURING);
    expect(inData?.access.tier.slug).toBe("premium");
    // The session claims carry it too, so the edge serves data's premium renders without a lookup.
    expect(tierFromClaims(inData!.claims, dataId, DURING)).toBe("premium");
    expect(tierFromClaims(inData!.claims, primaryId, DURING)).toBe("premium");
    // When the primary subscription's period ends, so does the bundled access.
    expect(await tierIn(primarySub.member.id, dataId, at(P1))).toBe("free");

    // Not the other way round.
    const inPrimary = await loadMemberAccess(t.db, dataSub.member.id, primaryId, DURING);
    expect(inPrimary?.access.tier.slug).toBe("free");
    expect(tierFromClaims(inPrimary!.claims, primaryId, DURING)).toBe("free");
    expect(await tierIn(dataSub.member.id, dataId)).toBe("premium");
  });
});
