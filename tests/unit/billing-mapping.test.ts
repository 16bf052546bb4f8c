import { describe, expect, it } from "vitest";
import { toInvoiceFacts, toSubscriptionSnapshot, chargePaymentRef } from "@/lib/billing/ledger/facts";
import { chargeSchema, checkoutSessionSchema, invoiceSchema, subscriptionSchema } from "@/lib/billing/stripe/payloads";
import { DAY_MS, resolveSubscriptionGrant } from "@/lib/billing/ledger/subscription-grant";
import { resolveTierForPrice, type BillingTier } from "@/lib/billing/tiers";
import { fixture, itemsOf, merge, priceFixture, subscriptionFixture, type SubscriptionSpec } from "../integration/helpers/stripe-fixtures";
import { mainPremiumTier } from "./helpers/fixtures";

const tiers: BillingTier[] = [
  {
    publicationId: 1,
    publicationSlug: "main",
    primaryPublication: true,
    slug: "free",
    rank: 0,
    canComment: false,
    stripeMonthlyPriceId: null,
    stripeYearlyPriceId: null,
  },
  {
    publicationId: 1,
    publicationSlug: "main",
    primaryPublication: true,
    slug: "supporter",
    rank: 1,
    canComment: false,
    stripeMonthlyPriceId: "price_sup_m",
    stripeYearlyPriceId: "price_sup_y",
  },
  mainPremiumTier,
];
const GRACE = 3 * DAY_MS;
const T0 = 1_790_000_000; // 2026-09-21
const P1 = T0 + 30 * 86_400;
const at = (s: number) => new Date(s * 1000);

function snapshotOf(spec: Partial<SubscriptionSpec>) {
  const full: SubscriptionSpec = { startDate: T0, periodStart: T0, periodEnd: P1, price: { id: "price_x", lookupKey: "premium_monthly" }, ...spec };
  return toSubscriptionSnapshot(subscriptionSchema.parse(subscriptionFixture(full)));
}
const grantOf = (spec: Partial<SubscriptionSpec>) => resolveSubscriptionGrant(snapshotOf(spec), tiers, { pastDueGraceMs: GRACE });

describe("price → tier", () => {
  const tierOf = (spec: Parameters<typeof priceFixture>[0]) => {
    const s = toSubscriptionSnapshot(subscriptionSchema.parse(subscriptionFixture({ startDate: T0, periodStart: T0, periodEnd: P1, price: spec })));
    return resolveTierForPrice(s.items[0], tiers)?.slug ?? null;
  };
  it.each([
    ["lookup key", { id: "price_a", lookupKey: "premium_yearly" }, "premium"],
    ["price metadata", { id: "price_b", metadata: { tier: "supporter" } }, "supporter"],
    ["expanded product metadata", { id: "price_c", product: { id: "prod_1", metadata: { tier: "premium" } } }, "premium"],
    ["stored price id", { id: "price_sup_y" }, "supporter"],
    ["lookup key naming an unknown tier falls through to metadata", { id: "price_d", lookupKey: "gold_monthly", metadata: { tier: "premium" } }, "premium"],
    ["the free tier is never sold", { id: "price_e", lookupKey: "free_monthly" }, null],
    ["nothing maps", { id: "price_1PgafmB7WZ01zgkW6dKueIc5" }, null],
  ])("%s", (_name, spec, expected) => expect(tierOf(spec)).toBe(expected));
});

describe("price → tier of a publication (design §10)", () => {
  const network: BillingTier[] = [
    ...tiers,
    {
      publicationId: 2,
      publicationSlug: "data",
      primaryPublication: false,
      slug: "premium",
      rank: 1,
      canComment: true,
      stripeMonthlyPriceId: "price_data_m",
      stripeYearlyPriceId: null,
    },
  ];
  const mapped = (spec: Parameters<typeof priceFixture>[0]) => {
    const s = toSubscriptionSnapshot(subscriptionSchema.parse(subscriptionFixture({ startDate: T0, periodStart: T0, periodEnd: P1, price: spec })));
    const tier = resolveTierForPrice(s.items[0], network);
    return tier ? `${tier.publicationSlug}.${tier.slug}` : null;
  };
  it.each([
    ["the primary keeps <tier>_<interval>", { id: "p1", lookupKey: "premium_monthly" }, "main.premium"],
    ["others use <publication>.<tier>_<interval>", { id: "p2", lookupKey: "data.premium_monthly" }, "data.premium"],
    ["metadata names the publication the same way", { id: "p3", metadata: { tier: "data.premium" } }, "data.premium"],
    ["stored price ids are unique across publications", { id: "price_data_m" }, "data.premium"],
    ["a price of no known publication maps to nothing", { id: "p4", lookupKey: "gazette.premium_monthly" }, null],
    ["nor does a tier the publication does not have", { id: "p5", lookupKey: "data.supporter_monthly" }, null],
  ])("%s", (_name, spec, expected) => expect(mapped(spec)).toBe(expected));
});

describe("subscription snapshot → grant", () => {
  it("reads the fixture's period from its item, not the subscription", () => {
    const snap = toSubscriptionSnapshot(subscriptionSchema.parse(fixture("subscription")));
    expect(snap.items[0]).toMatchObject({ periodEnd: 976287773, priceId: "price_1PgafmB7WZ01zgkW6dKueIc5", interval: "month" });
  });

  it("active: from start_date until exactly the item's current_period_end", () => {
    expect(grantOf({})).toMatchObject({ kind: "grant", tierSlug: "premium", startsAt: at(T0), endsAt: at(P1) });
  });

  it("cancel at period end keeps access until the period end", () => {
    expect(grantOf({ cancelAtPeriodEnd: true, cancelAt: P1, canceledAt: T0 + 86_400 })).toMatchObject({ kind: "grant", endsAt: at(P1) });
  });

  it("a cancel_at inside the period ends access there", () => {
    expect(grantOf({ cancelAt: T0 + 10 * 86_400 })).toMatchObject({ endsAt: at(T0 + 10 * 86_400) });
  });

  it("past_due adds the grace to the period end", () => {
    const g = grantOf({ status: "past_due" });
    expect(g.kind === "grant" && g.endsAt.getTime()).toBe(P1 * 1000 + GRACE);
  });

  it("trialing grants until the trial's period end", () => {
    expect(grantOf({ status: "trialing" })).toMatchObject({ kind: "grant", endsAt: at(P1) });
  });

  it("unpaid and paused stop at the start of the unpaid period", () => {
    expect(grantOf({ status: "unpaid", periodStart: P1 - 86_400 })).toMatchObject({ endsAt: at(P1 - 86_400) });
    expect(grantOf({ status: "paused", periodStart: P1 - 86_400 })).toMatchObject({ endsAt: at(P1 - 86_400) });
  });

  it("canceled ends at ended_at, else canceled_at", () => {
    expect(grantOf({ status: "canceled", canceledAt: T0 + 100, endedAt: T0 + 200 })).toMatchObject({ endsAt: at(T0 + 200) });
    expect(grantOf({ status: "canceled", canceledAt: T0 + 100, endedAt: null })).toMatchObject({ endsAt: at(T0 + 100) });
  });

  it("incomplete and incomplete_expired grant nothing", () => {
    expect(grantOf({ status: "incomplete" })).toMatchObject({ kind: "none", code: "incomplete" });
    expect(grantOf({ status: "incomplete_expired", endedAt: T0 + 82_800 })).toMatchObject({ kind: "none", code: "incomplete_expired" });
  });

  it("an unknown price grants nothing and names the price", () => {
    const g = grantOf({ price: { id: "price_unknown" } });
    expect(g).toMatchObject({ kind: "none", code: "unknown_price" });
    expect(g.kind === "none" && g.reason).toContain("price_unknown");
  });

  it("falls back to the subscription-level period of older API versions", () => {
    const legacy = subscriptionFixture({ startDate: T0, periodStart: T0, periodEnd: P1, price: { id: "p", lookupKey: "supporter_monthly" } });
    const item = merge(itemsOf(legacy)[0], {});
    delete item.current_period_end;
    delete item.current_period_start;
    const payload = { ...legacy, items: { data: [item] }, current_period_start: T0, current_period_end: P1 + 5 };
    const g = resolveSubscriptionGrant(toSubscriptionSnapshot(subscriptionSchema.parse(payload)), tiers, { pastDueGraceMs: GRACE });
    expect(g).toMatchObject({ kind: "grant", tierSlug: "supporter", endsAt: at(P1 + 5) });
  });

  it("with several items, the highest-ranked mapped one grants", () => {
    const base = subscriptionFixture({ startDate: T0, periodStart: T0, periodEnd: P1, price: { id: "price_sup_m" } });
    const items = itemsOf(base);
    const premium = merge(items[0], { price: priceFixture({ id: "p2", metadata: { tier: "premium" } }), current_period_end: P1 + 9 });
    const snap = toSubscriptionSnapshot(subscriptionSchema.parse({ ...base, items: { data: [items[0], premium] } }));
    expect(resolveSubscriptionGrant(snap, tiers, { pastDueGraceMs: 0 })).toMatchObject({ tierSlug: "premium", endsAt: at(P1 + 9) });
  });
});

describe("checkout, invoice and charge payloads", () => {
  it("parses the fixture checkout session (payment mode, email only)", () => {
    const s = checkoutSessionSchema.parse(fixture("checkout.session"));
    expect(s).toMatchObject({ mode: "payment", client_reference_id: null, customer_details: { email: "example@example.com" } });
  });

  it("finds the invoice's subscription, service period and member id", () => {
    const inv = merge(fixture("invoice"), {
      customer_email: "reader@example.com",
      parent: { type: "subscription_details", subscription_details: { subscription: "sub_9", metadata: { memberId: "42" } } },
    });
    const facts = toInvoiceFacts(invoiceSchema.parse(inv));
    expect(facts).toMatchObject({ subscriptionId: "sub_9", memberRef: 42, email: "reader@example.com", periodEnd: 1721954054, payments: [] });
  });

  it("reads payment links when the payload carries them (expanded payments or older API versions)", () => {
    const inv = merge(fixture("invoice"), { payments: { data: [{ payment: { type: "payment_intent", payment_intent: "pi_1" } }] }, charge: "ch_2" });
    expect(toInvoiceFacts(invoiceSchema.parse(inv)).payments).toEqual([
      { key: "pi_1", chargeId: null },
      { key: "ch_2", chargeId: "ch_2" },
    ]);
  });

  it("keys a charge by its payment intent, else by itself", () => {
    const charge = chargeSchema.parse(merge(fixture("charge"), { payment_intent: "pi_7", refunded: true, amount_refunded: 100 }));
    expect(chargePaymentRef(charge)).toEqual({ key: "pi_7", chargeId: "ch_1PgafuB7WZ01zgkWXYmPNZs8" });
    expect(chargePaymentRef(chargeSchema.parse(fixture("charge"))).key).toBe("ch_1PgafuB7WZ01zgkWXYmPNZs8");
  });
});
