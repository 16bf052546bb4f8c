import Stripe from "stripe";
import type { Db } from "@/db/client";
import { finishStripeEvent, insertStripeEvent, listBillingTiers } from "@/db/queries/billing";
import { noteEpoch } from "@/lib/auth/epochs";
import type { HandlerContext, HandlerResult } from "./context";
import { dispatchEvent } from "./dispatch";
import { eventEnvelopeSchema, type EventEnvelope } from "./payloads";
import type { BillingTier } from "../tiers";

export const MAX_WEBHOOK_BYTES = 1024 * 1024;
export const SIGNATURE_TOLERANCE_SEC = 300;

export type WebhookOptions = {
  pastDueGraceMs: number;
  /** When set, events of the other mode (test vs live) are recorded as ignored. */
  expectLivemode?: boolean;
  /** Test seam: runs inside the transaction after the handler's writes, before commit. */
  beforeCommit?: (event: EventEnvelope) => void | Promise<void>;
};

export type WebhookResponse = {
  status: 200 | 400 | 500;
  body: { received: true } | { error: { code: string; message: string } };
};

const received: WebhookResponse = { status: 200, body: { received: true } };
const badRequest = (message: string): WebhookResponse => ({ status: 400, body: { error: { code: "bad_request:webhook", message } } });

/**
 * The webhook from the raw body on: verify the signature (and its timestamp against `now`), then
 * apply the event and write its ledger row in one transaction. 200 for applied, duplicate and
 * irrelevant events; 400 (nothing written) for anything unverifiable; 500 when processing threw —
 * the transaction rolled back, so Stripe's retry starts clean. Never calls the Stripe API.
 */
export async function handleStripeWebhook(
  db: Db,
  rawBody: string,
  signature: string | null,
  secret: string,
  now: Date,
  opts: WebhookOptions,
): Promise<WebhookResponse> {
  if (Buffer.byteLength(rawBody, "utf8") > MAX_WEBHOOK_BYTES) return badRequest("body too large");
  if (!signature) return badRequest("missing Stripe-Signature header");
  let verified: unknown;
  try {
    verified = Stripe.webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SEC, undefined, now.getTime());
  } catch (err) {
    if (!(err instanceof Stripe.errors.StripeSignatureVerificationError)) return badRequest("body is not JSON");
    return badRequest(/tolerance/i.test(err.message) ? "timestamp outside the tolerance zone" : "invalid signature");
  }
  const envelope = eventEnvelopeSchema.safeParse(verified);
  if (!envelope.success) return badRequest("body is not a Stripe event");

  const applied = await applyStripeEvent(db, envelope.data, opts);
  if (!applied.ok) return { status: 500, body: { error: { code: "internal:webhook", message: "processing failed; retry later" } } };
  return received;
}

export type ApplyOutcome = { ok: true; result: HandlerResult | null } | { ok: false };

/**
 * Applies a verified event: ledger row and effects in one transaction (result null: a duplicate,
 * nothing done). Also used by the reconcile command for the snapshot it fetched from Stripe.
 */
export async function applyStripeEvent(db: Db, event: EventEnvelope, opts: WebhookOptions): Promise<ApplyOutcome> {
  const bumped = new Map<number, number>();
  let outcome: HandlerResult | null;
  try {
    outcome = await db.transaction(async (tx): Promise<HandlerResult | null> => {
      if (!(await insertStripeEvent(tx, { id: event.id, type: event.type, created: new Date(event.created * 1000), livemode: event.livemode }))) {
        return null; // duplicate delivery: already applied (or being applied by a concurrent delivery that won)
      }
      let tiers: Promise<BillingTier[]> | undefined;
      const ctx: HandlerContext = {
        tx,
        event,
        eventAt: new Date(event.created * 1000),
        pastDueGraceMs: opts.pastDueGraceMs,
        tiers: () => (tiers ??= listBillingTiers(tx)),
        bumped,
      };
      const result: HandlerResult =
        opts.expectLivemode !== undefined && opts.expectLivemode !== event.livemode
          ? { status: "ignored", reason: `${event.livemode ? "live" : "test"}-mode event on a ${opts.expectLivemode ? "live" : "test"}-mode site` }
          : await dispatchEvent(ctx);
      await finishStripeEvent(tx, event.id, {
        status: result.status,
        reason: result.reason ?? null,
        memberId: result.memberId ?? null,
        objectId: result.objectId ?? null,
        publicationId: result.publicationId ?? null,
      });
      await opts.beforeCommit?.(event);
      return result;
    });
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : typeof err;
    console.error(`[stripe] ${event.type} ${event.id} failed, answering 500 for a retry: ${message}`);
    return { ok: false };
  }
  // Only after commit: this instance learns the new epochs now, others through NOTIFY.
  for (const [memberId, epoch] of bumped) noteEpoch(memberId, epoch);
  return { ok: true, result: outcome };
}
