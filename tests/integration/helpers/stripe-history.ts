import { fixture, listOf, merge, subscriptionFixture, eventFixture, type Json } from "./stripe-fixtures";

// One subscription's life as Stripe would report it, built from the shared fixtures: checkout,
// created, first invoice paid (and its payment linked), renewal, cancel at period end, deleted,
// and optionally a full refund of the renewal payment.

export const DAY = 86_400;
export const T0 = 1_790_000_000; // 2026-09-21T13:46:40Z
export const P1 = T0 + 30 * DAY;
export const P2 = P1 + 30 * DAY;

export type HistorySpec = {
  ns: string;
  memberId: number;
  email: string;
  lookupKey?: string;
  priceId?: string;
  /** Put memberId in the subscription's metadata (as our checkout does); else link by checkout/email. */
  withMetadata?: boolean;
};

export function subscriptionHistory(h: HistorySpec) {
  const sub = `sub_${h.ns}`;
  const customer = `cus_${h.ns}`;
  const price = { id: h.priceId ?? `price_${h.ns}`, lookupKey: h.lookupKey ?? "premium_monthly" };
  const metadata: Record<string, string> = h.withMetadata === false ? {} : { memberId: String(h.memberId) };
  const snapshot = (o: Partial<Parameters<typeof subscriptionFixture>[0]>) =>
    subscriptionFixture({ id: sub, customer, startDate: T0, periodStart: T0, periodEnd: P1, price, metadata, ...o });
  const ev = (name: string, type: string, object: Json, created: number) => eventFixture(type, object, { id: `evt_${h.ns}_${name}`, created });

  const invoice = (id: string, start: number, end: number) => {
    const base = fixture("invoice");
    const line = merge(listOf(base, "lines")[0] ?? {}, {
      period: { start, end },
      subscription: null,
      parent: {
        type: "subscription_item_details",
        invoice_item_details: null,
        subscription_item_details: { subscription: sub, subscription_item: `si_${h.ns}` },
      },
    });
    return merge(base, {
      id,
      customer,
      customer_email: h.email,
      status: "paid",
      amount_paid: 12900,
      currency: "krw",
      lines: { data: [line] },
      parent: {
        type: "subscription_details",
        quote_details: null,
        subscription_details: { subscription: sub, metadata: h.withMetadata === false ? null : metadata },
      },
    });
  };
  const payment = (invoiceId: string, pi: string, created: number) =>
    merge(fixture("invoice_payment"), {
      id: `inpay_${pi}`,
      invoice: invoiceId,
      created,
      payment: { type: "payment_intent", payment_intent: pi },
      status: "paid",
    });
  const checkout = merge(fixture("checkout.session"), {
    id: `cs_${h.ns}`,
    mode: "subscription",
    status: "complete",
    payment_status: "paid",
    client_reference_id: String(h.memberId),
    customer,
    customer_details: { email: h.email },
    subscription: sub,
    payment_intent: null,
  });
  const refund = merge(fixture("charge"), {
    id: `ch_${h.ns}_2`,
    payment_intent: `pi_${h.ns}_2`,
    customer,
    amount: 12900,
    amount_refunded: 12900,
    refunded: true,
  });

  return {
    sub,
    customer,
    paymentIntents: [`pi_${h.ns}_1`, `pi_${h.ns}_2`] as const,
    checkout: ev("checkout", "checkout.session.completed", checkout, T0),
    created: ev("created", "customer.subscription.created", snapshot({}), T0),
    firstInvoicePaid: ev("inv1", "invoice.paid", invoice(`in_${h.ns}_1`, T0, P1), T0),
    firstPaymentLinked: ev("pay1", "invoice_payment.paid", payment(`in_${h.ns}_1`, `pi_${h.ns}_1`, T0), T0),
    renewed: ev("renewed", "customer.subscription.updated", snapshot({ periodStart: P1, periodEnd: P2 }), P1),
    renewalInvoicePaid: ev("inv2", "invoice.paid", invoice(`in_${h.ns}_2`, P1, P2), P1),
    renewalPaymentLinked: ev("pay2", "invoice_payment.paid", payment(`in_${h.ns}_2`, `pi_${h.ns}_2`, P1), P1),
    cancelScheduled: ev(
      "cancel",
      "customer.subscription.updated",
      snapshot({ periodStart: P1, periodEnd: P2, cancelAtPeriodEnd: true, cancelAt: P2, canceledAt: P1 + DAY }),
      P1 + DAY,
    ),
    deleted: ev(
      "deleted",
      "customer.subscription.deleted",
      snapshot({ status: "canceled", periodStart: P1, periodEnd: P2, canceledAt: P1 + DAY, endedAt: P2 }),
      P2,
    ),
    renewalRefunded: ev("refund", "charge.refunded", refund, P1 + 2 * DAY),
  };
}

export type History = ReturnType<typeof subscriptionHistory>;

/** The events of a history in the order Stripe would send them. */
export function inOrder(h: History, opts: { refund?: boolean } = {}): Json[] {
  const all = [h.created, h.firstInvoicePaid, h.firstPaymentLinked, h.checkout, h.renewed, h.renewalInvoicePaid, h.renewalPaymentLinked, h.cancelScheduled];
  if (opts.refund) all.push(h.renewalRefunded);
  all.push(h.deleted);
  return all;
}
