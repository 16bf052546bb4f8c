import type { PortOneInterval, PortOnePaymentStatus, PortOneSubscriptionStatus } from "@/db/schema";
import type { SubscriptionSnapshot } from "../ledger/facts";
import { isPaidStatus } from "./payment-facts";

// A PortOne subscription's state folded from its payments (their freshest facts) and the choices
// made on it (cancel at period end, ended by the renewal job or an admin). Pure, and free of
// arrival order: whatever order the payment facts were stored in, the fold of the same facts is
// the same state. The result is turned into the provider-neutral SubscriptionSnapshot from which
// lib/billing derives grants exactly as for Stripe.

export type PaymentRow = {
  id: string;
  periodIndex: number;
  periodStart: Date;
  periodEnd: Date;
  amount: number;
  status: PortOnePaymentStatus;
  paidAt: Date | null;
  cancelledAmount: number;
  cancelledAt: Date | null;
};

export type SubscriptionInputs = {
  id: string;
  memberId: number;
  interval: PortOneInterval;
  createdAt: Date;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  /** Set when the subscription was ended outright (renewal retries exhausted, an admin). */
  endedAt: Date | null;
  /** The renewal job could not charge the next period yet (PortOne refused or was unreachable). */
  renewalTrouble: boolean;
};

export type PortOneState = {
  status: PortOneSubscriptionStatus;
  periodIndex: number;
  periodStart: Date | null;
  periodEnd: Date | null;
  startedAt: Date | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  endedAt: Date | null;
  /** The current period's payment (the latest paid one). */
  current: PaymentRow | null;
};

const min = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/** A partial refund of a period buys back its end: access shrinks in proportion to what was returned. */
export function shortenedEnd(p: Pick<PaymentRow, "periodStart" | "periodEnd" | "amount" | "cancelledAmount">): Date {
  if (p.amount <= 0 || p.cancelledAmount <= 0) return p.periodEnd;
  const kept = Math.max(0, p.amount - p.cancelledAmount) / p.amount;
  const span = p.periodEnd.getTime() - p.periodStart.getTime();
  return new Date(Math.floor((p.periodStart.getTime() + span * kept) / 1000) * 1000);
}

export function resolvePortOneState(sub: SubscriptionInputs, payments: readonly PaymentRow[]): PortOneState {
  const paid = payments.filter((p) => isPaidStatus(p.status)).sort((a, b) => a.periodIndex - b.periodIndex);
  const current = paid.at(-1) ?? null;
  const first = paid[0] ?? null;
  const base = { cancelAtPeriodEnd: sub.cancelAtPeriodEnd, canceledAt: sub.canceledAt, current, startedAt: first ? (first.paidAt ?? first.periodStart) : null };
  if (!current) {
    return { ...base, status: sub.endedAt ? "canceled" : "incomplete", periodIndex: 0, periodStart: null, periodEnd: null, endedAt: sub.endedAt };
  }
  const period = { periodIndex: current.periodIndex, periodStart: current.periodStart };
  // The current period refunded in full ends the subscription at the refund (as a Stripe refund
  // with its immediate cancel does); in part, access ends early and nothing renews.
  if (current.status === "CANCELLED") {
    const at = current.cancelledAt ?? current.periodStart;
    return { ...base, ...period, periodEnd: current.periodEnd, status: "canceled", canceledAt: min(sub.canceledAt, at), endedAt: min(sub.endedAt, at) };
  }
  const periodEnd = current.status === "PARTIAL_CANCELLED" ? shortenedEnd(current) : current.periodEnd;
  const partial = current.status === "PARTIAL_CANCELLED";
  const cancelAtPeriodEnd = sub.cancelAtPeriodEnd || partial;
  const canceledAt = partial ? min(sub.canceledAt, current.cancelledAt) : sub.canceledAt;
  if (sub.endedAt) return { ...base, ...period, periodEnd, cancelAtPeriodEnd, canceledAt, status: "canceled", endedAt: sub.endedAt };
  const renewalFailed = sub.renewalTrouble || payments.some((p) => p.periodIndex === current.periodIndex + 1 && p.status === "FAILED");
  return { ...base, ...period, periodEnd, cancelAtPeriodEnd, canceledAt, status: renewalFailed ? "past_due" : "active", endedAt: null };
}

const sec = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

/** The provider-neutral snapshot (lib/billing/ledger/facts.ts) the grant is derived from. */
export function toPortOneSnapshot(sub: SubscriptionInputs, state: PortOneState, tierKey: string): SubscriptionSnapshot {
  const interval = sub.interval === "monthly" ? "month" : "year";
  return {
    id: sub.id,
    customerId: portoneCustomerId(sub.memberId),
    status: state.status,
    startDate: sec(state.startedAt ?? sub.createdAt) ?? 0,
    cancelAt: state.cancelAtPeriodEnd && state.status !== "canceled" ? sec(state.periodEnd) : null,
    cancelAtPeriodEnd: state.cancelAtPeriodEnd,
    canceledAt: sec(state.canceledAt),
    endedAt: sec(state.endedAt),
    items: [
      {
        priceId: `portone:${tierKey}_${sub.interval}`,
        lookupKey: `${tierKey}_${sub.interval}`,
        tierHint: tierKey,
        interval,
        periodStart: sec(state.periodStart),
        periodEnd: sec(state.periodEnd),
      },
    ],
  };
}

/** The customer id Masthead gives PortOne for a member (billing keys are checked against it). */
export const portoneCustomerId = (memberId: number) => `masthead-member-${memberId}`;
