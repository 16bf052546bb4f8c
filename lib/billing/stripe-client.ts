import "server-only";
import Stripe from "stripe";
import { getEnv } from "@/lib/env";
import { billingSettings } from "./config";

// The SDK for the few API calls the product makes (checkout, portal, reconcile). The webhook path
// never calls Stripe: it verifies with the static Stripe.webhooks helpers (lib/billing/webhook.ts).

export function stripeConfig(apiBase: URL | null): Stripe.StripeConfig {
  const config: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: "masthead" } };
  if (!apiBase) return config;
  const protocol = apiBase.protocol === "http:" ? "http" : "https";
  return { ...config, protocol, host: apiBase.hostname, port: apiBase.port || (protocol === "http" ? 80 : 443) };
}

let cached: { key: string; client: Stripe } | undefined;

/** The configured client, or null in the local demo (no STRIPE_SECRET_KEY). */
export function getStripe(): Stripe | null {
  const key = getEnv().STRIPE_SECRET_KEY;
  if (!key) return null;
  if (cached?.key !== key) cached = { key, client: new Stripe(key, stripeConfig(billingSettings().apiBase)) };
  return cached.client;
}

export function requireStripe(): Stripe {
  const client = getStripe();
  if (!client) throw new Error("STRIPE_SECRET_KEY is not set");
  return client;
}

/** Which mode the configured key is in; undefined in the demo, where any signed event is accepted. */
export function expectedLivemode(key = getEnv().STRIPE_SECRET_KEY): boolean | undefined {
  if (!key) return undefined;
  if (/^(sk|rk)_live_/.test(key)) return true;
  if (/^(sk|rk)_test_/.test(key)) return false;
  return undefined;
}
