import http from "node:http";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tier } from "@/db/schema";
import { checkoutSessionParams, createCheckoutSession, createPortalSession, getCheckoutSubscription } from "@/lib/billing/stripe/checkout";
import { resolveCheckoutPlan } from "@/lib/billing/checkout-plan";
import { stripeConfig } from "@/lib/billing/stripe/config";

const PRIMARY = { id: 1, slug: "main", isPrimary: true };
const DATA = { id: 2, slug: "data", isPrimary: false };
const tier = (t: Partial<Tier> & Pick<Tier, "slug" | "rank">): Tier => ({
  id: t.rank + 1,
  publicationId: PRIMARY.id,
  name: t.slug,
  nameEn: t.slug,
  canComment: false,
  benefits: [],
  benefitsEn: [],
  monthlyAmount: null,
  yearlyAmount: null,
  currency: "krw",
  stripeMonthlyPriceId: null,
  stripeYearlyPriceId: null,
  createdAt: new Date(0),
  ...t,
});
const tiers = [
  tier({ slug: "free", rank: 0 }),
  tier({ slug: "supporter", rank: 1, monthlyAmount: 5900 }),
  tier({ slug: "premium", rank: 2, monthlyAmount: 12900, yearlyAmount: 129000, stripeYearlyPriceId: "price_premium_y" }),
];

describe("checkout plan", () => {
  it.each([
    ["premium", "monthly", { amount: 12900, priceId: null, lookupKey: "premium_monthly" }],
    ["premium", "yearly", { amount: 129000, priceId: "price_premium_y", lookupKey: "premium_yearly" }],
    ["supporter", "monthly", { amount: 5900, priceId: null, lookupKey: "supporter_monthly" }],
  ] as const)("%s %s is sold", (slug, interval, expected) => {
    expect(resolveCheckoutPlan(PRIMARY, tiers, slug, interval)).toMatchObject(expected);
  });

  it.each([
    ["free", "monthly"],
    ["supporter", "yearly"],
    ["gold", "monthly"],
  ] as const)("%s %s is not (free tier, no price, unknown tier)", (slug, interval) => {
    expect(resolveCheckoutPlan(PRIMARY, tiers, slug, interval)).toBeNull();
  });
});

describe("checkout plan of another publication", () => {
  const dataTiers = [tier({ slug: "premium", rank: 1, monthlyAmount: 7900, publicationId: DATA.id })];
  it("names the tier as Stripe knows it: <publication>.<tier> (design §10)", () => {
    expect(resolveCheckoutPlan(DATA, dataTiers, "premium", "monthly")).toMatchObject({
      tierKey: "data.premium",
      lookupKey: "data.premium_monthly",
      amount: 7900,
    });
  });
  it("never sells another publication's tier", () => {
    expect(resolveCheckoutPlan(DATA, tiers, "premium", "monthly")).toBeNull();
    expect(resolveCheckoutPlan(PRIMARY, dataTiers, "premium", "monthly")).toBeNull();
  });
});

describe("checkout session parameters", () => {
  const plan = resolveCheckoutPlan(PRIMARY, tiers, "premium", "monthly")!;
  const base = { plan, lang: "ko" as const, origin: "https://masthead.example", priceId: "price_x" };

  it("links the member three ways and leaves the session placeholder unencoded", () => {
    const p = checkoutSessionParams({ ...base, member: { id: 7, email: "a@example.com", stripeCustomerId: null } });
    expect(p).toMatchObject({
      mode: "subscription",
      line_items: [{ price: "price_x", quantity: 1 }],
      client_reference_id: "7",
      customer_email: "a@example.com",
      metadata: { memberId: "7", tier: "premium" },
      subscription_data: { metadata: { memberId: "7" } },
      success_url: "https://masthead.example/checkout/success?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "https://masthead.example/pricing",
      locale: "ko",
    });
    expect(p).not.toHaveProperty("customer");
  });

  it("never sends a customer the demo checkout made up", () => {
    const p = checkoutSessionParams({ ...base, member: { id: 7, email: "a@example.com", stripeCustomerId: "cus_demo0123" } });
    expect(p).toMatchObject({ customer_email: "a@example.com" });
    expect(p).not.toHaveProperty("customer");
  });

  it("reuses the member's Stripe customer (and then sends no email)", () => {
    const p = checkoutSessionParams({ ...base, lang: "en", member: { id: 7, email: "a@example.com", stripeCustomerId: "cus_7" } });
    expect(p).toMatchObject({ customer: "cus_7", success_url: "https://masthead.example/en/checkout/success?session_id={CHECKOUT_SESSION_ID}", locale: "en" });
    expect(p).not.toHaveProperty("customer_email");
  });

  it("carries the reader's piece to the success and cancel pages, and drops an address off the site", () => {
    const member = { id: 7, email: "a@example.com", stripeCustomerId: null };
    const p = checkoutSessionParams({ ...base, member, returnTo: "/articles/fiscal-rule" });
    expect(p.success_url).toBe("https://masthead.example/checkout/success?session_id={CHECKOUT_SESSION_ID}&returnTo=%2Farticles%2Ffiscal-rule");
    expect(p.cancel_url).toBe("https://masthead.example/pricing?returnTo=%2Farticles%2Ffiscal-rule");
    for (const evil of ["//evil.example", "https://evil.example/x", "/\\evil.example"]) {
      const q = checkoutSessionParams({ ...base, member, returnTo: evil });
      expect(q.success_url).toBe("https://masthead.example/checkout/success?session_id={CHECKOUT_SESSION_ID}");
      expect(q.cancel_url).toBe("https://masthead.example/pricing");
    }
  });
});

// The SDK against a local stand-in for the three endpoints checkout and portal call.
describe("checkout and portal against a Stripe stand-in", () => {
  const calls: { method: string; path: string; body: URLSearchParams }[] = [];
  let server: http.Server;
  let stripe: Stripe;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (c: Buffer) => (raw += c.toString()));
      req.on("end", () => {
        const url = new URL(req.url ?? "/", "http://stand-in");
        calls.push({ method: req.method ?? "", path: url.pathname, body: new URLSearchParams(req.method === "GET" ? url.search : raw) });
        res.setHeader("content-type", "application/json");
        if (url.pathname === "/v1/prices") {
          const key = url.searchParams.get("lookup_keys[0]");
          res.end(
            JSON.stringify({
              object: "list",
              data: key === "premium_monthly" ? [{ id: "price_lk", object: "price" }] : [],
              has_more: false,
              url: "/v1/prices",
            }),
          );
        } else if (url.pathname === "/v1/checkout/sessions/cs_test_1") {
          res.end(JSON.stringify({ id: "cs_test_1", object: "checkout.session", client_reference_id: "9", subscription: "sub_new" }));
        } else if (url.pathname === "/v1/checkout/sessions") {
          res.end(JSON.stringify({ id: "cs_test_1", object: "checkout.session", url: "https://checkout.stripe.test/c/cs_test_1" }));
        } else if (url.pathname === "/v1/billing_portal/sessions") {
          res.end(JSON.stringify({ id: "bps_1", object: "billing_portal.session", url: "https://billing.stripe.test/p/bps_1" }));
        } else {
          res.statusCode = 404;
          res.end(JSON.stringify({ error: { type: "invalid_request_error", message: "unknown" } }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (!address || typeof address === "string") throw new Error("no port");
    stripe = new Stripe("sk_test_standin", { ...stripeConfig(new URL(`http://127.0.0.1:${address.port}`)), maxNetworkRetries: 0 });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("finds the price by lookup key and creates the session with it", async () => {
    calls.length = 0;
    const url = await createCheckoutSession(stripe, {
      plan: resolveCheckoutPlan(PRIMARY, tiers, "premium", "monthly")!,
      member: { id: 9, email: "n@example.com", stripeCustomerId: null },
      lang: "ko",
      origin: "http://localhost:3000",
    });
    expect(url).toBe("https://checkout.stripe.test/c/cs_test_1");
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(["GET /v1/prices", "POST /v1/checkout/sessions"]);
    const body = calls[1].body;
    expect(body.get("line_items[0][price]")).toBe("price_lk");
    expect(body.get("client_reference_id")).toBe("9");
    expect(body.get("subscription_data[metadata][memberId]")).toBe("9");
    expect(body.get("customer_email")).toBe("n@example.com");
    expect(body.get("success_url")).toBe("http://localhost:3000/checkout/success?session_id={CHECKOUT_SESSION_ID}");
  });

  it("offers Korean cards, Kakao Pay and Naver Pay (never Payco or Samsung Pay) for a KRW price", async () => {
    calls.length = 0;
    await createCheckoutSession(stripe, {
      plan: resolveCheckoutPlan(PRIMARY, tiers, "premium", "yearly")!,
      member: { id: 9, email: "n@example.com", stripeCustomerId: null },
      lang: "ko",
      origin: "http://localhost:3000",
    });
    expect(
      calls[0].body
        .getAll("allowed_payment_method_types[]")
        .concat(["0", "1", "2", "3"].flatMap((i) => calls[0].body.getAll(`allowed_payment_method_types[${i}]`))),
    ).toEqual(["card", "kr_card", "kakao_pay", "naver_pay"]);
  });

  it("leaves a price in another currency to the Dashboard's dynamic methods", async () => {
    calls.length = 0;
    const usd = [tier({ slug: "premium", rank: 1, yearlyAmount: 9900, currency: "usd", stripeYearlyPriceId: "price_usd_y" })];
    await createCheckoutSession(stripe, {
      plan: resolveCheckoutPlan(PRIMARY, usd, "premium", "yearly")!,
      member: { id: 9, email: "n@example.com", stripeCustomerId: null },
      lang: "en",
      origin: "http://localhost:3000",
    });
    expect(calls[0].body.get("line_items[0][price]")).toBe("price_usd_y");
    expect([...calls[0].body.keys()].filter((k) => k.includes("payment_method_types"))).toEqual([]);
  });

  it("uses the stored price id without a lookup", async () => {
    calls.length = 0;
    await createCheckoutSession(stripe, {
      plan: resolveCheckoutPlan(PRIMARY, tiers, "premium", "yearly")!,
      member: { id: 9, email: "n@example.com", stripeCustomerId: "cus_9" },
      lang: "en",
      origin: "http://localhost:3000",
    });
    expect(calls.map((c) => c.path)).toEqual(["/v1/checkout/sessions"]);
    expect(calls[0].body.get("line_items[0][price]")).toBe("price_premium_y");
    expect(calls[0].body.get("customer")).toBe("cus_9");
  });

  it("refuses a plan whose lookup key has no price", async () => {
    await expect(
      createCheckoutSession(stripe, {
        plan: resolveCheckoutPlan(PRIMARY, tiers, "supporter", "monthly")!,
        member: { id: 9, email: "n@example.com", stripeCustomerId: null },
        lang: "ko",
        origin: "http://x",
      }),
    ).rejects.toMatchObject({ code: "invalid:price" });
  });

  it("tells the success page which subscription the member's session created, and nothing for anyone else", async () => {
    expect(await getCheckoutSubscription(stripe, "cs_test_1", 9)).toBe("sub_new");
    expect(await getCheckoutSubscription(stripe, "cs_test_1", 10)).toBeNull();
    expect(await getCheckoutSubscription(stripe, "cs_test_unknown", 9)).toBeNull();
    expect(await getCheckoutSubscription(stripe, "../v1/customers", 9)).toBeNull();
  });

  it("opens the customer portal for the member's customer, returning to the account page", async () => {
    calls.length = 0;
    expect(await createPortalSession(stripe, { customerId: "cus_9", lang: "en", origin: "http://localhost:3000" })).toBe("https://billing.stripe.test/p/bps_1");
    expect(calls[0].body.get("customer")).toBe("cus_9");
    expect(calls[0].body.get("return_url")).toBe("http://localhost:3000/en/account");
  });
});
