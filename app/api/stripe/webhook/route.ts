import { getDb } from "@/db/client";
import { readBodyCapped } from "@/lib/billing/body";
import { billingSettings } from "@/lib/billing/config";
import { expectedLivemode } from "@/lib/billing/stripe/client";
import { handleStripeWebhook, MAX_WEBHOOK_BYTES, type WebhookResponse } from "@/lib/billing/stripe/webhook";
import { getWebhookSecret } from "@/lib/billing/stripe/webhook-secret";

// Signature verification needs node:crypto and the raw body; the work lives in lib/billing/stripe/webhook.ts.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const json = (r: WebhookResponse) => Response.json(r.body, { status: r.status, headers: { "cache-control": "no-store" } });

export async function POST(req: Request): Promise<Response> {
  const raw = await readBodyCapped(req, MAX_WEBHOOK_BYTES);
  if (raw === null) return json({ status: 400, body: { error: { code: "bad_request:webhook", message: "body too large" } } });
  try {
    const result = await handleStripeWebhook(await getDb(), raw, req.headers.get("stripe-signature"), getWebhookSecret(), new Date(), {
      pastDueGraceMs: billingSettings().pastDueGraceMs,
      expectLivemode: expectedLivemode(),
    });
    return json(result);
  } catch (err) {
    // Database unreachable, unreadable secret file…: 5xx so Stripe retries once we are back.
    console.error("[stripe] webhook unavailable:", err instanceof Error ? err.message.slice(0, 200) : typeof err);
    return json({ status: 500, body: { error: { code: "internal:webhook", message: "unavailable; retry later" } } });
  }
}
