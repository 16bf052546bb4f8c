import type { Db } from "@/db/client";
import { lockPortOneSubscription, updatePortOneSubscription } from "@/db/queries/portone";
import { AppError } from "@/lib/http/errors";
import { syncPortOneSubscription } from "./apply";
import { PortOneRefused, PortOneUnavailable, type PortOneApi } from "./api";
import { fetchAndApply } from "./charge";
import { periodPaymentId } from "./periods";
import { inPortOneTx } from "./run";

// What a member (or an admin) changes on a PortOne subscription. Cancel and resume are Masthead's
// own state (no PortOne call can fail half-way); a refund is PortOne's cancel of a payment, whose
// result comes back as a payment fact like any other.

export async function setCancelAtPeriodEnd(
  db: Db,
  input: { subscriptionId: string; memberId: number | null; cancel: boolean; pastDueGraceMs: number },
  now: Date,
) {
  return inPortOneTx(db, input.pastDueGraceMs, async (ctx) => {
    const sub = await lockPortOneSubscription(ctx.tx, input.subscriptionId);
    if (!sub || (input.memberId !== null && sub.memberId !== input.memberId))
      throw new AppError("not_found", "subscription", "No such subscription on this account.");
    const live = sub.status === "active" || sub.status === "past_due";
    if (!live || sub.cancelAtPeriodEnd === input.cancel)
      throw new AppError("conflict", "subscription", "This change is not available for the subscription any more.");
    await updatePortOneSubscription(ctx.tx, sub.id, { cancelAtPeriodEnd: input.cancel, canceledAt: input.cancel ? now : null });
    return syncPortOneSubscription(ctx, sub.id, now);
  });
}

/**
 * Refunds the current period's payment: in full (access ends now, nothing renews) or `amount` won
 * of it (access shortened in proportion, nothing renews). The outcome is applied from PortOne's
 * own record of the payment, exactly as its webhook would.
 */
export async function refundCurrentPeriod(
  db: Db,
  api: PortOneApi,
  input: { subscriptionId: string; memberId: number | null; amount?: number; reason: string; pastDueGraceMs: number },
  now: Date,
) {
  const sub = await inPortOneTx(db, input.pastDueGraceMs, (ctx) => lockPortOneSubscription(ctx.tx, input.subscriptionId));
  if (!sub || (input.memberId !== null && sub.memberId !== input.memberId) || sub.periodIndex < 1)
    throw new AppError("not_found", "subscription", "No paid period to refund.");
  const paymentId = periodPaymentId(sub.id, sub.periodIndex);
  try {
    await api.cancelPayment({ paymentId, reason: input.reason, ...(input.amount !== undefined ? { amount: input.amount } : {}) });
  } catch (err) {
    if (err instanceof PortOneUnavailable)
      throw new AppError("unavailable", "portone", "PortOne could not be reached; nothing was refunded. Try again shortly.");
    if (err instanceof PortOneRefused) throw new AppError("conflict", "refund", `PortOne refused the refund (${err.code}).`);
    throw err;
  }
  await fetchAndApply(db, api, paymentId, input.pastDueGraceMs, now);
  return { subscriptionId: sub.id, paymentId };
}
