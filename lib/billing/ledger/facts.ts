import { z } from "zod";
import { subscriptionStatuses, type ChargePayload, type InvoicePayload, type PricePayload, type SubscriptionPayload } from "../stripe/payloads";

// Payloads reduced to the facts billing stores and derives grants from. Pure.

const sec = z.number().int().nonnegative();

export const snapshotItemSchema = z.object({
  priceId: z.string(),
  lookupKey: z.string().nullable(),
  // `tier` from the price's metadata, else from its product's (when the product is expanded).
  tierHint: z.string().nullable(),
  interval: z.string().nullable(),
  periodStart: sec.nullable(),
  periodEnd: sec.nullable(),
});
export type SnapshotItem = z.infer<typeof snapshotItemSchema>;

// Kept as jsonb on stripe_subscriptions and re-parsed on read, so the grant can be re-derived
// later (e.g. after an admin maps a new price to a tier) without calling Stripe.
export const subscriptionSnapshotSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  status: z.enum(subscriptionStatuses),
  startDate: sec,
  cancelAt: sec.nullable(),
  cancelAtPeriodEnd: z.boolean(),
  canceledAt: sec.nullable(),
  endedAt: sec.nullable(),
  items: z.array(snapshotItemSchema),
});
export type SubscriptionSnapshot = z.infer<typeof subscriptionSnapshotSchema>;

export function priceTierHint(price: PricePayload): string | null {
  const product = typeof price.product === "object" && price.product ? price.product.metadata.tier : undefined;
  return price.metadata.tier ?? product ?? null;
}

export function toSubscriptionSnapshot(sub: SubscriptionPayload): SubscriptionSnapshot {
  return {
    id: sub.id,
    customerId: sub.customer,
    status: sub.status,
    startDate: sub.start_date,
    cancelAt: sub.cancel_at ?? null,
    cancelAtPeriodEnd: sub.cancel_at_period_end ?? false,
    canceledAt: sub.canceled_at ?? null,
    endedAt: sub.ended_at ?? null,
    items: sub.items.data.map((item) => ({
      priceId: item.price.id,
      lookupKey: item.price.lookup_key ?? null,
      tierHint: priceTierHint(item.price),
      interval: item.price.recurring?.interval ?? null,
      periodStart: item.current_period_start ?? sub.current_period_start ?? null,
      periodEnd: item.current_period_end ?? sub.current_period_end ?? null,
    })),
  };
}

/** A member id we put in client_reference_id or metadata.memberId; anything else is ignored. */
export function parseMemberRef(value: string | null | undefined): number | null {
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const n = Number(value);
  return n <= 2_147_483_647 ? n : null;
}

export type PaymentRef = { key: string; chargeId: string | null };

// Payments are keyed by payment intent when there is one (a charge always names it), else by charge.
export function paymentRef(p: { payment_intent?: string | null; charge?: string | null }): PaymentRef | null {
  const key = p.payment_intent ?? p.charge ?? null;
  return key ? { key, chargeId: p.charge ?? null } : null;
}

export function chargePaymentRef(charge: ChargePayload): PaymentRef {
  return { key: charge.payment_intent ?? charge.id, chargeId: charge.id };
}

export type InvoiceFacts = {
  id: string;
  customerId: string | null;
  email: string | null;
  name: string | null;
  subscriptionId: string | null;
  memberRef: number | null;
  periodStart: number | null;
  periodEnd: number | null;
  amountPaid: number | null;
  currency: string | null;
  payments: PaymentRef[];
};

export function toInvoiceFacts(inv: InvoicePayload): InvoiceFacts {
  const lines = inv.lines?.data ?? [];
  const lineSub = (l: (typeof lines)[number]) => l.parent?.subscription_item_details?.subscription ?? l.subscription ?? null;
  const subLines = lines.filter((l) => lineSub(l) !== null);
  // The service period paid for: subscription lines only (one-off items carry their own dates).
  const periods = (subLines.length ? subLines : lines).flatMap((l) => (l.period ? [l.period] : []));
  const details = inv.parent?.subscription_details;
  const payments = [...(inv.payments?.data.map((p) => p.payment) ?? []), { payment_intent: inv.payment_intent, charge: inv.charge }]
    .map(paymentRef)
    .filter((p): p is PaymentRef => p !== null);
  return {
    id: inv.id,
    customerId: inv.customer ?? null,
    email: inv.customer_email ?? null,
    name: inv.customer_name ?? null,
    subscriptionId: details?.subscription ?? inv.subscription ?? subLines.map(lineSub).find((s) => s !== null) ?? null,
    memberRef: parseMemberRef(details?.metadata.memberId),
    periodStart: periods.length ? Math.min(...periods.map((p) => p.start)) : null,
    periodEnd: periods.length ? Math.max(...periods.map((p) => p.end)) : null,
    amountPaid: inv.amount_paid ?? null,
    currency: inv.currency ?? null,
    payments,
  };
}
