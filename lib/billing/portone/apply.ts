import { linkSubscriptionMember, upsertInvoice, upsertPayment, upsertSubscriptionSnapshot, type Tx } from "@/db/queries/billing";
import { getPortOnePayment, listPortOnePayments, lockPortOneSubscription, storePaymentFact, updatePortOneSubscription } from "@/db/queries/portone";
import type { PortOneSubscription } from "@/db/schema";
import type { HandlerResult } from "../stripe/context";
import { LINK_RANK } from "../ledger/link-rule";
import { queueCancellationNotice, queueReceipt } from "../notices";
import { reconcileSubscriptionGrant } from "../ledger/reconcile";
import { stripeTierKey, type BillingTier } from "../tiers";
import { isPaidStatus, mismatchReason, paymentFreshness, vatIncluded, type PaymentFact } from "./payment-facts";
import { resolvePortOneState, toPortOneSnapshot, type PortOneState, type SubscriptionInputs } from "./subscription-state";

// PortOne facts into the one ledger. Every fact about a payment — a webhook's fetch, the answer to
// a charge, the reconcile command's look — goes through applyPaymentFact, inside the caller's
// transaction: the payment's freshest fact is stored (payment-facts.ts ordering rule), the
// subscription is refolded from all its payments (subscription-state.ts), and the result is
// written where Stripe's facts go (stripe_subscriptions / stripe_invoices / stripe_payments,
// provider "portone"), from which the shared code derives the grant and queues the notices.

export type PortOneCtx = {
  tx: Tx;
  tiers: () => Promise<BillingTier[]>;
  pastDueGraceMs: number;
  /** member id → access epoch after the bump; announced with noteEpoch() once committed. */
  bumped: Map<number, number>;
};

export const subscriptionInputs = (s: PortOneSubscription): SubscriptionInputs => ({
  id: s.id,
  memberId: s.memberId,
  interval: s.interval,
  createdAt: s.createdAt,
  cancelAtPeriodEnd: s.cancelAtPeriodEnd,
  canceledAt: s.canceledAt,
  endedAt: s.endedAt,
  renewalTrouble: s.lastError !== null,
});

export async function applyPaymentFact(ctx: PortOneCtx, fact: PaymentFact, now: Date): Promise<HandlerResult> {
  const planned = await getPortOnePayment(ctx.tx, fact.paymentId);
  if (!planned) return { status: "ignored", reason: "not a payment Masthead asked for", objectId: fact.paymentId };
  const sub = await lockPortOneSubscription(ctx.tx, planned.subscriptionId);
  if (!sub) return { status: "ignored", reason: "subscription gone", objectId: fact.paymentId };
  const base = { memberId: sub.memberId, objectId: fact.paymentId, publicationId: sub.publicationId };
  // A payment whose amount or currency is not the price asked for is never taken as paying for it.
  const mismatch = mismatchReason(fact, planned);
  if (mismatch) {
    console.error(`[portone] payment ${fact.paymentId} refused: ${mismatch}`);
    return { ...base, status: "unapplied", reason: `refused: ${mismatch}` };
  }
  if (fact.status === "OTHER" || fact.status === "READY")
    return { ...base, status: "ignored", reason: `payment ${fact.status.toLowerCase()}: nothing to apply` };
  const stored = await storePaymentFact(
    ctx.tx,
    fact.paymentId,
    {
      status: fact.status,
      paidAt: fact.paidAt,
      failedAt: fact.failedAt,
      failureReason: fact.failureReason,
      cancelledAmount: fact.cancelledAmount,
      cancelledAt: fact.cancelledAt,
    },
    paymentFreshness(fact),
  );
  await syncPortOneSubscription(ctx, sub.id, now);
  if (isPaidStatus(fact.status)) {
    await queueReceipt(ctx.tx, sub.memberId, {
      id: fact.paymentId,
      subscriptionId: sub.id,
      amountPaid: fact.amount,
      currency: fact.currency,
      periodStart: planned.periodStart,
      periodEnd: planned.periodEnd,
      vat: fact.vat ?? vatIncluded(fact.amount),
    });
  }
  return { ...base, status: stored ? "applied" : "ignored", reason: stored ? null : "older than the stored payment (ordering rule)" };
}

/**
 * Refolds one subscription (locked by the caller, or locked here) and writes it to the ledger:
 * its periods as invoices and payments, its snapshot, the member link, the grant, the notices.
 * Also used after Masthead's own changes (cancel at period end, resume, the renewal job ending it).
 */
export async function syncPortOneSubscription(ctx: PortOneCtx, subscriptionId: string, now: Date): Promise<PortOneState | null> {
  const sub = await lockPortOneSubscription(ctx.tx, subscriptionId);
  if (!sub) return null;
  const payments = await listPortOnePayments(ctx.tx, sub.id);
  const state = resolvePortOneState(subscriptionInputs(sub), payments);
  const advanced = state.periodIndex !== sub.periodIndex;
  const live = state.status === "active" || state.status === "past_due";
  const updated = await updatePortOneSubscription(ctx.tx, sub.id, {
    status: state.status,
    periodIndex: state.periodIndex,
    periodStart: state.periodStart,
    periodEnd: state.periodEnd,
    startedAt: state.startedAt,
    // The renewal job charges at the period end; a failed attempt moves it (renewal.ts). A period
    // that will not renew (cancelled, partly refunded) is ended by the job at its (shortened) end.
    nextChargeAt: !live ? null : advanced || !sub.nextChargeAt || state.cancelAtPeriodEnd ? state.periodEnd : sub.nextChargeAt,
    ...(advanced ? { attempts: 0, lastError: null } : {}),
  });

  for (const p of payments) {
    if (p.status === "READY") continue;
    const paid = isPaidStatus(p.status);
    await upsertInvoice(ctx.tx, {
      id: p.id,
      subscriptionId: sub.id,
      customerId: null,
      status: paid ? "paid" : "payment_failed",
      amountPaid: paid ? p.amount : null,
      currency: p.currency,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
    });
    if (paid)
      await upsertPayment(ctx.tx, {
        id: p.id,
        invoiceId: p.id,
        amount: p.amount,
        amountRefunded: p.cancelledAmount,
        refundedAt: p.status === "CANCELLED" ? p.cancelledAt : null,
      });
  }

  const tier = (await ctx.tiers()).find((t) => t.publicationId === sub.publicationId && t.slug === sub.tierSlug);
  const tierKey = tier ? stripeTierKey({ slug: tier.publicationSlug, isPrimary: tier.primaryPublication }, tier.slug) : `unknown.${sub.tierSlug}`;
  const snapshot = toPortOneSnapshot(subscriptionInputs(sub), state, tierKey);
  const item = snapshot.items[0];
  const { row } = await upsertSubscriptionSnapshot(ctx.tx, {
    id: sub.id,
    provider: "portone",
    customerId: null,
    status: state.status,
    publicationId: sub.publicationId,
    tierSlug: sub.tierSlug,
    priceId: item.priceId,
    interval: item.interval,
    currentPeriodStart: state.periodStart,
    currentPeriodEnd: state.periodEnd,
    cancelAtPeriodEnd: state.cancelAtPeriodEnd,
    canceledAt: state.canceledAt,
    endedAt: state.endedAt,
    snapshotAt: now,
    // Facts of one subscription apply under its row lock, so its version is their order.
    freshness: `portone:${String(updated.version).padStart(12, "0")}`,
    snapshot,
  });
  const linked = (await linkSubscriptionMember(ctx.tx, sub.id, sub.memberId, LINK_RANK.explicit)) ?? row;
  await reconcileSubscriptionGrant(ctx, linked);
  // A subscription never paid for had nothing to cancel.
  if (state.periodIndex > 0)
    await queueCancellationNotice(ctx.tx, sub.memberId, {
      id: sub.id,
      status: state.status,
      cancelAtPeriodEnd: state.cancelAtPeriodEnd,
      currentPeriodEnd: state.periodEnd,
      endedAt: state.endedAt,
      publicationId: sub.publicationId,
      tierSlug: sub.tierSlug,
    });
  return state;
}
