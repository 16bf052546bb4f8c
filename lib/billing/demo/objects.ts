import { randomBytes } from "node:crypto";

// Real-shaped Stripe objects (API 2025-03-31 and later: period on subscription items, invoice →
// subscription under `parent`, payments linked through invoice_payment) for the demo checkout.
// Only the fields a receiver could reasonably read are filled; ids are marked `demo`.

export type DemoState = {
  memberId: number;
  email: string;
  name: string | null;
  // The tier as Stripe names it (lib/billing/tiers.ts stripeTierKey): `premium`, `data.premium`.
  tierKey: string;
  interval: "month" | "year";
  amount: number;
  currency: string;
  customerId: string;
  subscriptionId: string;
  itemId: string;
  startDate: number;
  periodStart: number;
  periodEnd: number;
  /** The latest paid invoice and its payment, which a refund reverses. */
  invoiceId: string;
  paymentIntentId: string;
  chargeId: string;
  /** Test-only period length (seconds) instead of a calendar month/year; null/absent normally. */
  periodSeconds?: number | null;
};

export function demoId(prefix: string): string {
  return `${prefix}_demo${randomBytes(10).toString("hex")}`;
}

export function demoPrice(s: Pick<DemoState, "tierKey" | "interval" | "amount" | "currency">) {
  const cadence = `${s.interval}ly`;
  return {
    id: `price_demo_${s.tierKey.replace(".", "_")}_${cadence}`,
    object: "price",
    active: true,
    billing_scheme: "per_unit",
    currency: s.currency,
    livemode: false,
    lookup_key: `${s.tierKey}_${cadence}`,
    metadata: { tier: s.tierKey },
    nickname: null,
    product: `prod_demo_${s.tierKey.replace(".", "_")}`,
    recurring: { interval: s.interval, interval_count: 1, meter: null, usage_type: "licensed", trial_period_days: null },
    tax_behavior: "unspecified",
    type: "recurring",
    unit_amount: s.amount,
    unit_amount_decimal: String(s.amount),
  };
}

type SubscriptionOverrides = {
  status: string;
  cancel_at_period_end?: boolean;
  cancel_at?: number | null;
  canceled_at?: number | null;
  ended_at?: number | null;
};

export function demoSubscription(s: DemoState, o: SubscriptionOverrides) {
  return {
    id: s.subscriptionId,
    object: "subscription",
    billing_cycle_anchor: s.startDate,
    cancel_at: o.cancel_at ?? null,
    cancel_at_period_end: o.cancel_at_period_end ?? false,
    canceled_at: o.canceled_at ?? null,
    cancellation_details: { comment: null, feedback: null, reason: o.canceled_at ? "cancellation_requested" : null },
    collection_method: "charge_automatically",
    created: s.startDate,
    currency: s.currency,
    customer: s.customerId,
    ended_at: o.ended_at ?? null,
    items: {
      object: "list",
      data: [
        {
          id: s.itemId,
          object: "subscription_item",
          created: s.startDate,
          current_period_start: s.periodStart,
          current_period_end: s.periodEnd,
          metadata: {},
          price: demoPrice(s),
          quantity: 1,
          subscription: s.subscriptionId,
          tax_rates: [],
        },
      ],
      has_more: false,
      url: `/v1/subscription_items?subscription=${s.subscriptionId}`,
    },
    latest_invoice: s.invoiceId,
    livemode: false,
    metadata: { memberId: String(s.memberId) },
    start_date: s.startDate,
    status: o.status,
  };
}

export function demoInvoice(s: DemoState, billingReason: "subscription_create" | "subscription_cycle", paidAt: number) {
  const price = demoPrice(s);
  return {
    id: s.invoiceId,
    object: "invoice",
    amount_due: s.amount,
    amount_paid: s.amount,
    amount_remaining: 0,
    attempt_count: 1,
    attempted: true,
    billing_reason: billingReason,
    collection_method: "charge_automatically",
    created: paidAt,
    currency: s.currency,
    customer: s.customerId,
    customer_email: s.email,
    customer_name: s.name,
    lines: {
      object: "list",
      data: [
        {
          id: demoId("il"),
          object: "line_item",
          amount: s.amount,
          currency: s.currency,
          invoice: s.invoiceId,
          livemode: false,
          metadata: {},
          parent: {
            type: "subscription_item_details",
            invoice_item_details: null,
            subscription_item_details: {
              invoice_item: null,
              proration: false,
              proration_details: { credited_items: null },
              subscription: s.subscriptionId,
              subscription_item: s.itemId,
            },
          },
          period: { start: s.periodStart, end: s.periodEnd },
          pricing: { type: "price_details", price_details: { price: price.id, product: price.product }, unit_amount_decimal: String(s.amount) },
          quantity: 1,
        },
      ],
      has_more: false,
      url: `/v1/invoices/${s.invoiceId}/lines`,
    },
    livemode: false,
    metadata: {},
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { metadata: { memberId: String(s.memberId) }, subscription: s.subscriptionId },
    },
    period_end: paidAt,
    period_start: paidAt,
    status: "paid",
    status_transitions: { finalized_at: paidAt, marked_uncollectible_at: null, paid_at: paidAt, voided_at: null },
    subtotal: s.amount,
    total: s.amount,
  };
}

export function demoInvoicePayment(s: DemoState, paidAt: number) {
  return {
    id: demoId("inpay"),
    object: "invoice_payment",
    amount_paid: s.amount,
    amount_requested: s.amount,
    created: paidAt,
    currency: s.currency,
    invoice: s.invoiceId,
    is_default: true,
    livemode: false,
    payment: { type: "payment_intent", payment_intent: s.paymentIntentId },
    status: "paid",
    status_transitions: { canceled_at: null, paid_at: paidAt },
  };
}
