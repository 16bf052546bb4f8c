import { z } from "zod";

// zod shapes of the Stripe payload fields billing reads — nothing else is trusted or kept. Shapes
// accept both current API versions (period on items, invoice → subscription under `parent`) and
// older ones still configured on some webhook endpoints (top-level period, invoice.subscription).

const id = z.string().min(1).max(255);
// An expandable field: a bare id, or the object when the payload expanded it.
const ref = z.union([id, z.object({ id })]).transform((v) => (typeof v === "string" ? v : v.id));
const metadata = z
  .record(z.string(), z.string())
  .nullish()
  .transform((m) => m ?? {});
const ts = z.number().int().nonnegative();

export const eventEnvelopeSchema = z.object({
  // ASCII only: the id ends the ordering key, which is compared byte-wise.
  id: z.string().regex(/^[A-Za-z0-9_-]{1,255}$/),
  type: z.string().min(1).max(255),
  created: ts,
  livemode: z.boolean(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

const productSchema = z.union([id, z.object({ id, metadata })]);

export const priceSchema = z.object({
  id,
  lookup_key: z.string().nullish(),
  metadata,
  product: productSchema.nullish(),
  recurring: z.object({ interval: z.string() }).nullish(),
});
export type PricePayload = z.infer<typeof priceSchema>;

export const subscriptionStatuses = ["incomplete", "incomplete_expired", "trialing", "active", "past_due", "canceled", "unpaid", "paused"] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

export const subscriptionSchema = z.object({
  id,
  customer: ref,
  status: z.enum(subscriptionStatuses),
  start_date: ts,
  cancel_at: ts.nullish(),
  cancel_at_period_end: z.boolean().nullish(),
  canceled_at: ts.nullish(),
  ended_at: ts.nullish(),
  metadata,
  items: z.object({
    data: z.array(z.object({ price: priceSchema, current_period_start: ts.nullish(), current_period_end: ts.nullish() })),
  }),
  // Before API 2025-03-31 the period lived on the subscription itself.
  current_period_start: ts.nullish(),
  current_period_end: ts.nullish(),
});
export type SubscriptionPayload = z.infer<typeof subscriptionSchema>;

export const checkoutSessionSchema = z.object({
  id,
  mode: z.string(),
  client_reference_id: z.string().nullish(),
  customer: ref.nullish(),
  customer_details: z.object({ email: z.string().nullish(), name: z.string().nullish() }).nullish(),
  customer_email: z.string().nullish(),
  subscription: ref.nullish(),
  metadata,
});
export type CheckoutSessionPayload = z.infer<typeof checkoutSessionSchema>;

const paymentRefSchema = z.object({ payment_intent: ref.nullish(), charge: ref.nullish() });

export const invoiceSchema = z.object({
  id,
  customer: ref.nullish(),
  customer_email: z.string().nullish(),
  customer_name: z.string().nullish(),
  amount_paid: z.number().int().nullish(),
  currency: z.string().nullish(),
  parent: z.object({ subscription_details: z.object({ subscription: ref.nullish(), metadata }).nullish() }).nullish(),
  lines: z
    .object({
      data: z.array(
        z.object({
          period: z.object({ start: ts, end: ts }).nullish(),
          parent: z.object({ subscription_item_details: z.object({ subscription: z.string().nullish() }).nullish() }).nullish(),
          subscription: ref.nullish(),
        }),
      ),
    })
    .nullish(),
  // Present only when expanded/included; current API versions link payments via invoice_payment.paid.
  payments: z.object({ data: z.array(z.object({ payment: paymentRefSchema })) }).nullish(),
  // Older API versions.
  subscription: ref.nullish(),
  charge: ref.nullish(),
  payment_intent: ref.nullish(),
});
export type InvoicePayload = z.infer<typeof invoiceSchema>;

export const invoicePaymentSchema = z.object({ id, invoice: ref, payment: paymentRefSchema });
export type InvoicePaymentPayload = z.infer<typeof invoicePaymentSchema>;

export const chargeSchema = z.object({
  id,
  payment_intent: ref.nullish(),
  customer: ref.nullish(),
  amount: z.number().int().nonnegative(),
  amount_refunded: z.number().int().nonnegative(),
  refunded: z.boolean(),
});
export type ChargePayload = z.infer<typeof chargeSchema>;
