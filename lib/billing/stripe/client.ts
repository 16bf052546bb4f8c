import "server-only";
import type Stripe from "stripe";
import { getEnv } from "@/lib/env";
import { createStripeFromEnv } from "./config";

// The SDK for the few API calls the product makes (checkout, portal, reconcile). The webhook path
// never calls Stripe: it verifies with the static Stripe.webhooks helpers (lib/billing/stripe/webhook.ts).

export { expectedLivemode, stripeConfig } from "./config";

let cached: { key: string; client: Stripe } | undefined;

/** The configured client, or null in the local demo (no STRIPE_SECRET_KEY). */
export function getStripe(): Stripe | null {
  const key = getEnv().STRIPE_SECRET_KEY;
  if (!key) return null;
  if (cached?.key !== key) {
    const client = createStripeFromEnv();
    if (!client) return null;
    cached = { key, client };
  }
  return cached.client;
}

export function requireStripe(): Stripe {
  const client = getStripe();
  if (!client) throw new Error("STRIPE_SECRET_KEY is not set");
  return client;
}

/** True when real Stripe is configured; the demo checkout and demo portal refuse to run then. */
export function isStripeConfigured(): boolean {
  return Boolean(getEnv().STRIPE_SECRET_KEY);
}
