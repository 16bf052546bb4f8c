import type { Db } from "@/db/client";
import type { PortOnePayment, PortOneSubscription } from "@/db/schema";
import type { HandlerResult } from "../stripe/context";
import { applyPaymentFact } from "./apply";
import { PortOneRefused, PortOneUnavailable, type PortOneApi } from "./api";
import { toPaymentFact } from "./payment-facts";
import { inPortOneTx } from "./run";
import { portoneCustomerId } from "./subscription-state";

export type ChargeOutcome =
  { kind: "paid"; applied: HandlerResult | null } | { kind: "declined"; code: string; message: string } | { kind: "unavailable"; message: string };

export type ChargeHooks = {
  /** Test seam: runs after PortOne took the charge, before Masthead recorded it (the crash window). */
  afterCharge?: (paymentId: string) => Promise<void>;
};

/** Fetches the payment from PortOne and applies it as a fact; null when PortOne could not say. */
export async function fetchAndApply(db: Db, api: PortOneApi, paymentId: string, pastDueGraceMs: number, now: Date): Promise<HandlerResult | null> {
  let raw: unknown;
  try {
    raw = await api.getPayment(paymentId);
  } catch (err) {
    // Not found or unreachable: the webhook (or the job's next run) brings the fact later.
    if (err instanceof PortOneRefused || err instanceof PortOneUnavailable) return null;
    throw err;
  }
  const fact = toPaymentFact(raw);
  if (!fact) return null;
  return inPortOneTx(db, pastDueGraceMs, (ctx) => applyPaymentFact(ctx, fact, now));
}

/**
 * Charges one period of a subscription with its billing key. The payment row (id derived from
 * subscription and period) exists before PortOne hears of it, so every later fact finds it. If
 * PortOne says ALREADY_PAID, an earlier attempt — this job before a crash, another instance — went
 * through: nothing is charged again, the payment is fetched and recorded.
 */
export async function chargePeriod(
  db: Db,
  api: PortOneApi,
  input: { sub: PortOneSubscription; payment: PortOnePayment; email: string; orderName: string; pastDueGraceMs: number },
  now: Date,
  hooks: ChargeHooks = {},
): Promise<ChargeOutcome> {
  const { sub, payment } = input;
  try {
    await api.payWithBillingKey({
      paymentId: payment.id,
      billingKey: sub.billingKey,
      orderName: input.orderName,
      amount: payment.amount,
      customerId: portoneCustomerId(sub.memberId),
      email: input.email,
      customData: JSON.stringify({ subscriptionId: sub.id, period: payment.periodIndex }),
    });
  } catch (err) {
    if (err instanceof PortOneUnavailable) return { kind: "unavailable", message: err.message };
    if (!(err instanceof PortOneRefused)) throw err;
    if (err.code !== "ALREADY_PAID") {
      // A declined card leaves a FAILED payment at PortOne: record it (past_due, the grace applies).
      await fetchAndApply(db, api, payment.id, input.pastDueGraceMs, now);
      return { kind: "declined", code: err.code, message: err.message };
    }
  }
  await hooks.afterCharge?.(payment.id);
  return { kind: "paid", applied: await fetchAndApply(db, api, payment.id, input.pastDueGraceMs, now) };
}
