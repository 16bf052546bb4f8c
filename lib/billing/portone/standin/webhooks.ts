import { createHmac, randomBytes } from "node:crypto";

// Standard Webhooks signing, as PortOne signs its webhooks (the SDK's Webhook.verify checks it):
// v1 = base64(HMAC-SHA256(secret, "<webhook-id>.<timestamp>.<body>")), the secret given as
// "whsec_<base64>" or bare base64.

export type SignedWebhook = { id: string; body: string; headers: Record<string, string> };

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

function key(secret: string): Buffer {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice(6) : secret, "base64");
}

export function signWebhook(secret: string, id: string, body: string, at: Date): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = createHmac("sha256", key(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` };
}

/** A PortOne webhook (2024-04-25 format: type, timestamp, data with ids only), signed at `at`. */
export function portoneWebhook(
  secret: string,
  type: string,
  data: Record<string, string>,
  at: Date,
  id = `wh_${randomBytes(12).toString("hex")}`,
): SignedWebhook {
  const body = JSON.stringify({ type, timestamp: at.toISOString(), data });
  return { id, body, headers: signWebhook(secret, id, body, at) };
}

/** The same delivery signed again (PortOne signs each retry anew). */
export function resign(secret: string, w: SignedWebhook, at: Date): SignedWebhook {
  return { ...w, headers: signWebhook(secret, w.id, w.body, at) };
}
