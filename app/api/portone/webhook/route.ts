import { getDb } from "@/db/client";
import { readBodyCapped } from "@/lib/billing/body";
import { billingSettings } from "@/lib/billing/config";
import { isPortOneConfigured } from "@/lib/billing/portone/config";
import { getPortOneApi, getPortOneWebhookSecret, portoneStoreId } from "@/lib/billing/portone/runtime";
import { handlePortOneWebhook, MAX_PORTONE_WEBHOOK_BYTES } from "@/lib/billing/portone/webhook";
import type { WebhookResponse } from "@/lib/billing/stripe/webhook";

// PortOne's webhook (console: 결제연동 → 웹훅 → https://<host>/api/portone/webhook, version
// 2024-04-25). Verification needs the raw body; the work lives in lib/billing/portone/webhook.ts.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const json = (r: WebhookResponse) => Response.json(r.body, { status: r.status, headers: { "cache-control": "no-store" } });

export async function POST(req: Request): Promise<Response> {
  const raw = await readBodyCapped(req, MAX_PORTONE_WEBHOOK_BYTES);
  if (raw === null) return json({ status: 400, body: { error: { code: "bad_request:webhook", message: "body too large" } } });
  try {
    const secret = await getPortOneWebhookSecret();
    if (!secret) return json({ status: 500, body: { error: { code: "internal:webhook", message: "PORTONE_WEBHOOK_SECRET is not set" } } });
    const result = await handlePortOneWebhook(await getDb(), raw, req.headers, secret, {
      api: await getPortOneApi(),
      pastDueGraceMs: billingSettings().pastDueGraceMs,
      storeId: portoneStoreId(),
      livemode: isPortOneConfigured(),
    });
    return json(result);
  } catch (err) {
    console.error("[portone] webhook unavailable:", err instanceof Error ? err.message.slice(0, 200) : typeof err);
    return json({ status: 500, body: { error: { code: "internal:webhook", message: "unavailable; retry later" } } });
  }
}
