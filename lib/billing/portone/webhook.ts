import { Webhook } from "@portone/server-sdk";
import { z } from "zod";
import type { Db } from "@/db/client";
import { finishStripeEvent, getStripeEvent, insertStripeEvent } from "@/db/queries/billing";
import { recordWebhookAttempt } from "@/db/queries/portone";
import type { HandlerResult } from "../stripe/context";
import type { WebhookResponse } from "../stripe/webhook";
import { applyPaymentFact } from "./apply";
import { PortOneRefused, type PortOneApi } from "./api";
import { toPaymentFact, type PaymentFact } from "./payment-facts";
import { inPortOneTx } from "./run";

export const MAX_PORTONE_WEBHOOK_BYTES = 256 * 1024;

export type PortOneWebhookOptions = {
  api: PortOneApi;
  pastDueGraceMs: number;
  /** PORTONE_STORE_ID: webhooks of another store are acknowledged and ignored. */
  storeId: string | null;
  livemode: boolean;
};

const received: WebhookResponse = { status: 200, body: { received: true } };
const badRequest = (message: string): WebhookResponse => ({ status: 400, body: { error: { code: "bad_request:webhook", message } } });
const failed: WebhookResponse = { status: 500, body: { error: { code: "internal:webhook", message: "processing failed; retry later" } } };

const envelopeSchema = z.object({
  type: z.string().min(1).max(100),
  timestamp: z.iso.datetime({ offset: true }),
  data: z.object({ paymentId: z.string().min(1).max(200).optional(), storeId: z.string().max(200).optional(), billingKey: z.string().max(200).optional() }),
});
// ASCII only: it becomes the ledger's primary key (`portone:<id>`).
const webhookIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,200}$/);

const header = (headers: Headers, name: string) => headers.get(name) ?? undefined;

/**
 * POST /api/portone/webhook from the raw body on. The signature is checked by the PortOne SDK
 * (Standard Webhooks: HMAC of id.timestamp.body, 5-minute tolerance); an exact replay of a delivery
 * already seen is refused too. PortOne's webhooks carry only ids, so the payment is fetched from
 * PortOne (outside the transaction) and applied as a fact; the ledger row and the effects commit
 * together. 200 for applied, duplicate and irrelevant events; 400 (nothing written but the replay
 * guard) for anything unverifiable; 500 when PortOne or the database could not be reached, so
 * PortOne retries.
 */
export async function handlePortOneWebhook(
  db: Db,
  rawBody: string,
  headers: Headers,
  secret: string,
  opts: PortOneWebhookOptions,
  now = new Date(),
): Promise<WebhookResponse> {
  if (Buffer.byteLength(rawBody, "utf8") > MAX_PORTONE_WEBHOOK_BYTES) return badRequest("body too large");
  const sigHeaders = {
    "webhook-id": header(headers, "webhook-id"),
    "webhook-timestamp": header(headers, "webhook-timestamp"),
    "webhook-signature": header(headers, "webhook-signature"),
  };
  let verified: unknown;
  try {
    verified = await Webhook.verify(secret, rawBody, sigHeaders);
  } catch (err) {
    if (err instanceof Webhook.WebhookVerificationError) return badRequest(`invalid webhook: ${err.reason}`);
    if (err instanceof Webhook.InvalidInputError) return badRequest("invalid webhook input");
    return badRequest("body is not JSON");
  }
  const webhookId = webhookIdSchema.safeParse(sigHeaders["webhook-id"]);
  const envelope = envelopeSchema.safeParse(verified);
  if (!webhookId.success || !envelope.success) return badRequest("body is not a PortOne webhook");
  const event = envelope.data;
  const ledgerId = `portone:${webhookId.data}`;

  try {
    if (!(await recordWebhookAttempt(db, webhookId.data, sigHeaders["webhook-timestamp"] ?? ""))) return badRequest("replayed delivery");
    if (await getStripeEvent(db, ledgerId)) return received;
    let fact: PaymentFact | null = null;
    let skip: string | null = null;
    if (opts.storeId && event.data.storeId && event.data.storeId !== opts.storeId) skip = `webhook of another store (${event.data.storeId})`;
    else if (!event.type.startsWith("Transaction.") || !event.data.paymentId) skip = "event type not handled (billing keys change nothing until a charge)";
    else {
      try {
        fact = toPaymentFact(await opts.api.getPayment(event.data.paymentId));
        if (!fact) skip = "PortOne answered a payment shape this version cannot read";
      } catch (err) {
        if (!(err instanceof PortOneRefused)) throw err; // unavailable: 500, PortOne retries
        skip = `PortOne: ${err.code}`;
      }
    }
    await inPortOneTx(db, opts.pastDueGraceMs, async (ctx) => {
      const fresh = await insertStripeEvent(ctx.tx, {
        id: ledgerId,
        provider: "portone",
        type: event.type,
        created: new Date(event.timestamp),
        livemode: opts.livemode,
      });
      if (!fresh) return; // a concurrent delivery of the same webhook won
      const result: HandlerResult = fact
        ? await applyPaymentFact(ctx, fact, now)
        : { status: "ignored", reason: skip, objectId: event.data.paymentId ?? event.data.billingKey ?? null };
      await finishStripeEvent(ctx.tx, ledgerId, {
        status: result.status,
        reason: result.reason ?? null,
        memberId: result.memberId ?? null,
        objectId: result.objectId ?? null,
        publicationId: result.publicationId ?? null,
      });
    });
    return received;
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : typeof err;
    console.error(`[portone] ${event.type} ${webhookId.data} failed, answering 500 for a retry: ${message}`);
    return failed;
  }
}
