import Stripe from "stripe";
import { demoId, demoInvoice, demoInvoicePayment, demoSubscription, type DemoState } from "./objects";

// Signed, real-shaped events standing in for Stripe in the local demo (design §6). The demo
// checkout posts them to the real webhook URL, so from the webhook on, demo and production share
// every line. Builders are pure (given `at`); each returns the next state for the following step.

export type { DemoState } from "./objects";

export type DemoEvent = {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
  data: { object: Record<string, unknown> };
};

export type DemoStep = { state: DemoState; events: DemoEvent[] };

// The SDK's own version: demo payloads have the shape its types describe.
const API_VERSION: string = Stripe.API_VERSION;
const sec = (d: Date) => Math.floor(d.getTime() / 1000);

export function demoEvent(type: string, object: Record<string, unknown>, at: Date): DemoEvent {
  return {
    id: demoId("evt"),
    object: "event",
    api_version: API_VERSION,
    created: sec(at),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/** One calendar month or year after `start` (UTC), as Stripe bills: Jan 31 → Feb 28, not Mar 3. */
export function addInterval(start: number, interval: "month" | "year"): number {
  const d = new Date(start * 1000);
  const months = interval === "month" ? 1 : 12;
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  target.setUTCHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
  return sec(target);
}

function paidInvoiceEvents(state: DemoState, reason: "subscription_create" | "subscription_cycle", at: Date) {
  return [demoEvent("invoice.paid", demoInvoice(state, reason, sec(at)), at), demoEvent("invoice_payment.paid", demoInvoicePayment(state, sec(at)), at)];
}

export type DemoCheckoutInput = {
  member: { id: number; email: string; name?: string | null };
  tierKey: string;
  interval: "month" | "year";
  amount: number;
  currency: string;
  /** The member's existing Stripe customer, reused as Checkout would. */
  customerId?: string | null;
  /** A fixed subscription id (e.g. from the checkout intent), so a repeated "Pay" is one subscription. */
  subscriptionId?: string;
  /** Test-only period length in seconds instead of one calendar month/year. */
  periodSeconds?: number | null;
};

/** The demo subscription's single item: derived from its id, so the state can be rebuilt from it. */
export const demoItemId = (subscriptionId: string) => subscriptionId.replace(/^sub_/, "si_");

/** Where a demo period starting at `start` (seconds) ends. */
export const demoPeriodEnd = (start: number, s: Pick<DemoState, "interval" | "periodSeconds">) =>
  s.periodSeconds ? start + s.periodSeconds : addInterval(start, s.interval);

/** A completed Checkout: subscription created and active, first invoice paid. */
export function demoCheckout(input: DemoCheckoutInput, at: Date): DemoStep {
  const start = sec(at);
  const subscriptionId = input.subscriptionId ?? demoId("sub");
  const state: DemoState = {
    memberId: input.member.id,
    email: input.member.email,
    name: input.member.name ?? null,
    tierKey: input.tierKey,
    interval: input.interval,
    amount: input.amount,
    currency: input.currency,
    customerId: input.customerId ?? demoId("cus"),
    subscriptionId,
    itemId: demoItemId(subscriptionId),
    startDate: start,
    periodStart: start,
    periodEnd: demoPeriodEnd(start, { interval: input.interval, periodSeconds: input.periodSeconds ?? null }),
    periodSeconds: input.periodSeconds ?? null,
    invoiceId: demoId("in"),
    paymentIntentId: demoId("pi"),
    chargeId: demoId("ch"),
  };
  const session = {
    id: demoId("cs_test"),
    object: "checkout.session",
    amount_subtotal: state.amount,
    amount_total: state.amount,
    client_reference_id: String(state.memberId),
    created: start,
    currency: state.currency,
    customer: state.customerId,
    customer_details: { email: state.email, name: state.name, phone: null, tax_exempt: "none", tax_ids: [], address: null },
    customer_email: state.email,
    expires_at: start + 86_400,
    invoice: state.invoiceId,
    livemode: false,
    metadata: { memberId: String(state.memberId) },
    mode: "subscription",
    payment_intent: null,
    payment_status: "paid",
    status: "complete",
    subscription: state.subscriptionId,
    url: null,
  };
  const events = [
    demoEvent("customer.subscription.created", demoSubscription(state, { status: "active" }), at),
    ...paidInvoiceEvents(state, "subscription_create", at),
    demoEvent("checkout.session.completed", session, at),
  ];
  return { state, events };
}

/** The next period billed and paid. */
export function demoRenewal(prev: DemoState, at: Date): DemoStep {
  const state = {
    ...prev,
    periodStart: prev.periodEnd,
    periodEnd: demoPeriodEnd(prev.periodEnd, prev),
    invoiceId: demoId("in"),
    paymentIntentId: demoId("pi"),
    chargeId: demoId("ch"),
  };
  return {
    state,
    events: [
      demoEvent("customer.subscription.updated", demoSubscription(state, { status: "active" }), at),
      ...paidInvoiceEvents(state, "subscription_cycle", at),
    ],
  };
}

/** The portal's cancel: at period end by default (access stays until then), or right away. */
export function demoCancel(state: DemoState, at: Date, mode: "at_period_end" | "now" = "at_period_end"): DemoStep {
  const object =
    mode === "at_period_end"
      ? demoSubscription(state, { status: "active", cancel_at_period_end: true, cancel_at: state.periodEnd, canceled_at: sec(at) })
      : demoSubscription(state, { status: "canceled", canceled_at: sec(at), ended_at: sec(at) });
  return { state, events: [demoEvent(mode === "now" ? "customer.subscription.deleted" : "customer.subscription.updated", object, at)] };
}

/** The portal's "renew plan": a cancel scheduled for the period end is taken back. */
export function demoResume(state: DemoState, at: Date): DemoStep {
  return { state, events: [demoEvent("customer.subscription.updated", demoSubscription(state, { status: "active" }), at)] };
}

/** Refund of the latest payment in full, and the subscription canceled with it. */
export function demoRefund(state: DemoState, at: Date): DemoStep {
  const charge = {
    id: state.chargeId,
    object: "charge",
    amount: state.amount,
    amount_captured: state.amount,
    amount_refunded: state.amount,
    billing_details: { email: state.email, name: state.name, phone: null, address: null },
    captured: true,
    created: state.periodStart,
    currency: state.currency,
    customer: state.customerId,
    livemode: false,
    metadata: {},
    paid: true,
    payment_intent: state.paymentIntentId,
    refunded: true,
    status: "succeeded",
  };
  return { state, events: [demoEvent("charge.refunded", charge, at), ...demoCancel(state, at, "now").events] };
}

/** The exact body to post and its Stripe-Signature header, signed like Stripe signs. */
export function signDemoEvent(event: DemoEvent, secret: string, at: Date): { payload: string; signature: string } {
  const payload = JSON.stringify(event, null, 2);
  return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: sec(at) }) };
}
