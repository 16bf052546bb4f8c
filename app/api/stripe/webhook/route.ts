import { getDb } from "@/db/client";
import { billingSettings } from "@/lib/billing/config";
import { expectedLivemode } from "@/lib/billing/stripe/client";
import { handleStripeWebhook, MAX_WEBHOOK_BYTES } from "@/lib/billing/stripe/webhook";
import { getWebhookSecret } from "@/lib/billing/stripe/webhook-secret";
import { webhookPost } from "../../_lib/webhook-route";

// Signature verification needs node:crypto and the raw body; the work lives in lib/billing/stripe/webhook.ts.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = webhookPost("stripe", MAX_WEBHOOK_BYTES, async (raw, req) =>
  handleStripeWebhook(await getDb(), raw, req.headers.get("stripe-signature"), getWebhookSecret(), new Date(), {
    pastDueGraceMs: billingSettings().pastDueGraceMs,
    expectLivemode: expectedLivemode(),
  }),
);
