import { getDb } from "@/db/client";
import { billingSettings } from "@/lib/billing/config";
import { isPortOneConfigured } from "@/lib/billing/portone/config";
import { getPortOneApi, getPortOneWebhookSecret, portoneStoreId } from "@/lib/billing/portone/runtime";
import { handlePortOneWebhook, MAX_PORTONE_WEBHOOK_BYTES } from "@/lib/billing/portone/webhook";
import { webhookPost } from "../../_lib/webhook-route";

// PortOne's webhook (console: 결제연동 → 웹훅 → https://<host>/api/portone/webhook, version
// 2024-04-25). Verification needs the raw body; the work lives in lib/billing/portone/webhook.ts.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = webhookPost("portone", MAX_PORTONE_WEBHOOK_BYTES, async (raw, req) => {
  const secret = await getPortOneWebhookSecret();
  if (!secret) return { status: 500, body: { error: { code: "internal:webhook", message: "PORTONE_WEBHOOK_SECRET is not set" } } };
  return handlePortOneWebhook(await getDb(), raw, req.headers, secret, {
    api: await getPortOneApi(),
    pastDueGraceMs: billingSettings().pastDueGraceMs,
    storeId: portoneStoreId(),
    livemode: isPortOneConfigured(),
  });
});
