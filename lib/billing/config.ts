import { getEnv } from "@/lib/env";
import { DAY_MS } from "./ledger/subscription-grant";

export type BillingSettings = { apiBase: URL | null; pastDueGraceMs: number };

// Billing settings derived from the validated environment (lib/env.ts).
export function billingSettings(): BillingSettings {
  const env = getEnv();
  return {
    apiBase: env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null,
    pastDueGraceMs: env.STRIPE_PAST_DUE_GRACE_DAYS * DAY_MS,
  };
}
