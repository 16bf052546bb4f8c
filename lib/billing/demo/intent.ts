import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

// What the pricing page's POST hands the demo checkout: who may pay, for which plan, until when.
// HMAC-signed so the query string cannot be edited into another member, tier or price, and
// short-lived so a copied link goes stale. Pure: callers pass the key and `now`.

export const checkoutIntervals = ["monthly", "yearly"] as const;
export type CheckoutInterval = (typeof checkoutIntervals)[number];

export const DEMO_INTENT_TTL_SEC = 30 * 60;

const intentSchema = z.object({
  v: z.literal(1),
  memberId: z.number().int().positive(),
  // The publication whose tier is bought (its pricing page's host).
  publicationId: z.number().int().positive(),
  tier: z.string().regex(/^[a-z0-9-]{1,64}$/),
  interval: z.enum(checkoutIntervals),
  // Names the demo subscription, so paying twice with one intent yields one subscription.
  nonce: z.string().regex(/^[a-f0-9]{20}$/),
  expiresAt: z.number().int(),
});
export type DemoIntent = z.infer<typeof intentSchema>;

const mac = (body: string, key: Buffer) => createHmac("sha256", key).update(body).digest("base64url");

export function newDemoIntent(input: { memberId: number; publicationId: number; tier: string; interval: CheckoutInterval }, now: Date): DemoIntent {
  return { v: 1, ...input, nonce: randomBytes(10).toString("hex"), expiresAt: Math.floor(now.getTime() / 1000) + DEMO_INTENT_TTL_SEC };
}

export function signDemoIntent(intent: DemoIntent, key: Buffer): string {
  const body = Buffer.from(JSON.stringify(intent)).toString("base64url");
  return `${body}.${mac(body, key)}`;
}

export type IntentCheck = { ok: true; intent: DemoIntent } | { ok: false; reason: "malformed" | "signature" | "expired" };

export function verifyDemoIntent(token: string, key: Buffer, now: Date): IntentCheck {
  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined || token.length > 1024) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(mac(body, key));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "signature" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const intent = intentSchema.safeParse(parsed);
  if (!intent.success) return { ok: false, reason: "malformed" };
  if (intent.data.expiresAt * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, intent: intent.data };
}

/** The intent key, derived from the webhook secret (a separate purpose, so a separate key). */
export function deriveIntentKey(webhookSecret: string): Buffer {
  return createHmac("sha256", webhookSecret).update("masthead:demo-checkout-intent:v1").digest();
}

export const toStripeInterval = (interval: CheckoutInterval): "month" | "year" => (interval === "monthly" ? "month" : "year");
