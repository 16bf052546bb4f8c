import http from "node:http";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedLivemode, stripeConfig } from "@/lib/billing/stripe/client";

// STRIPE_API_BASE points the SDK at a local stand-in (tests, reconcile dry runs).
describe("stripe client configuration", () => {
  const seen: string[] = [];
  let server: http.Server;
  let base: URL;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ id: "cus_local", object: "customer", email: "local@example.com" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (!address || typeof address === "string") throw new Error("server has no port");
    base = new URL(`http://127.0.0.1:${address.port}`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends API calls to the configured base", async () => {
    const stripe = new Stripe("sk_test_local", { ...stripeConfig(base), maxNetworkRetries: 0 });
    const customer = await stripe.customers.retrieve("cus_local");
    expect(customer.id).toBe("cus_local");
    expect(seen).toEqual(["GET /v1/customers/cus_local"]);
  });

  it("defaults to Stripe itself", () => {
    expect(stripeConfig(null)).not.toHaveProperty("host");
    expect(stripeConfig(new URL("https://stripe.internal"))).toMatchObject({ protocol: "https", host: "stripe.internal", port: 443 });
  });

  it("tells which mode a key expects", () => {
    expect(expectedLivemode("sk_live_abc")).toBe(true);
    expect(expectedLivemode("rk_test_abc")).toBe(false);
    expect(expectedLivemode("")).toBeUndefined();
  });
});
