import Stripe from "stripe";
import { getEnv } from "@/lib/env";
import { billingSettings } from "../config";

// SDK configuration without the "server-only" marker, so the operator CLI (plain tsx, no
// react-server condition) and the benchmark can build a client too. App code uses stripe-client.ts.

export function stripeConfig(apiBase: URL | null): Stripe.StripeConfig {
  const config: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: "masthead" } };
  if (!apiBase) return config;
  const protocol = apiBase.protocol === "http:" ? "http" : "https";
  return { ...config, protocol, host: apiBase.hostname, port: apiBase.port || (protocol === "http" ? 80 : 443) };
}

/** A client for STRIPE_SECRET_KEY honouring STRIPE_API_BASE; null when no key is set. */
export function createStripeFromEnv(): Stripe | null {
  const key = getEnv().STRIPE_SECRET_KEY;
  return key ? new Stripe(key, stripeConfig(billingSettings().apiBase)) : null;
}

/** Which mode the configured key is in; undefined in the demo, where any signed event is accepted. */
export function expectedLivemode(key = getEnv().STRIPE_SECRET_KEY): boolean | undefined {
  if (!key) return undefined;
  if (/^(sk|rk)_live_/.test(key)) return true;
  if (/^(sk|rk)_test_/.test(key)) return false;
  return undefined;
}
