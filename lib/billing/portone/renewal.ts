import type { Db } from "@/db/client";
import { getMemberById } from "@/db/queries/members";
import {
  claimDueSubscriptions,
  ensurePortOnePayment,
  getNotifiedPriceChange,
  listPortOnePayments,
  releaseLease,
  updatePortOneSubscription,
} from "@/db/queries/portone";
import type { PortOneSubscription } from "@/db/schema";
import { subscriptionInputs, syncPortOneSubscription } from "./apply";
import type { PortOneApi } from "./api";
import { chargePeriod, type ChargeHooks } from "./charge";
import { nextRetryAt, periodEnd, periodPaymentId, UNREACHABLE_RETRY_MS } from "./periods";
import { PRICE_NOTICE_MS } from "./price-change";
import { inPortOneTx } from "./run";
import { resolvePortOneState } from "./subscription-state";

/*
 * Masthead's own renewal job (rather than PortOne payment schedules): every instance runs it; each
 * run claims due subscriptions with a lease (FOR UPDATE SKIP LOCKED, so instances never take the
 * same one) and charges the next period with the billing key. Exactly once per period holds
 * without trusting the lease: the period's paymentId is fixed (periods.ts), PortOne takes a given
 * paymentId at most once, and a run that finds ALREADY_PAID records the payment instead. A run
 * killed between PortOne's charge and Masthead's commit leaves the lease to expire; the next run
 * asks again, is told ALREADY_PAID and records it. Declines are retried on a schedule while the
 * member keeps the past-due grace; PortOne unreachable is retried soon and never counted against
 * the member. Access never depends on the job having run: the grant ends where the paid period
 * (plus grace) ends.
 */

export type RenewalOptions = {
  api: PortOneApi;
  pastDueGraceMs: number;
  owner: string;
  periodSeconds: number | null;
  leaseMs?: number;
  limit?: number;
  hooks?: ChargeHooks;
};

export type RenewalReport = { claimed: number; paid: number; declined: number; unavailable: number; ended: number };

export async function runRenewals(db: Db, opts: RenewalOptions, now = new Date()): Promise<RenewalReport> {
  const report: RenewalReport = { claimed: 0, paid: 0, declined: 0, unavailable: 0, ended: 0 };
  const claimed = await claimDueSubscriptions(db, now, opts.owner, opts.leaseMs ?? 120_000, opts.limit ?? 20);
  report.claimed = claimed.length;
  for (const sub of claimed) {
    try {
      report[await renewOne(db, sub, opts, now)]++;
    } catch (err) {
      console.error(`[portone] renewal of ${sub.id} failed: ${err instanceof Error ? err.message.slice(0, 300) : String(err)}`);
      await releaseLease(db, sub.id, opts.owner, { nextChargeAt: new Date(now.getTime() + UNREACHABLE_RETRY_MS) });
    }
  }
  return report;
}

async function renewOne(db: Db, sub: PortOneSubscription, opts: RenewalOptions, now: Date): Promise<"paid" | "declined" | "unavailable" | "ended"> {
  // The member's choice, or a partial refund of the period (subscription-state.ts): it ends at the
  // (shortened) period end, nothing is charged.
  const ending = resolvePortOneState(subscriptionInputs(sub), await listPortOnePayments(db, sub.id)).cancelAtPeriodEnd;
  if (ending || !sub.periodEnd) {
    await inPortOneTx(db, opts.pastDueGraceMs, async (ctx) => {
      await releaseLease(ctx.tx, sub.id, opts.owner);
      await updatePortOneSubscription(ctx.tx, sub.id, { endedAt: sub.periodEnd ?? now });
      await syncPortOneSubscription(ctx, sub.id, now);
    });
    return "ended";
  }
  const index = sub.periodIndex + 1;
  const start = sub.periodEnd;
  // A price rise reaches a subscription only once its member was told 30 days before this period.
  const change = await getNotifiedPriceChange(db, sub.id, start, PRICE_NOTICE_MS);
  const payment = await ensurePortOnePayment(db, {
    id: periodPaymentId(sub.id, index),
    subscriptionId: sub.id,
    periodIndex: index,
    periodStart: start,
    periodEnd: periodEnd(start, sub.interval, opts.periodSeconds),
    amount: change?.newAmount ?? sub.amount,
    currency: sub.currency,
  });
  const member = await getMemberById(db, sub.memberId);
  const outcome = await chargePeriod(
    db,
    opts.api,
    {
      sub,
      payment,
      email: member?.email ?? "",
      orderName: `${sub.tierSlug} (${sub.interval === "monthly" ? "월간" : "연간"})`,
      pastDueGraceMs: opts.pastDueGraceMs,
    },
    now,
    opts.hooks,
  );
  await inPortOneTx(db, opts.pastDueGraceMs, async (ctx) => {
    if (outcome.kind === "paid") {
      await releaseLease(ctx.tx, sub.id, opts.owner, payment.amount !== sub.amount ? { amount: payment.amount } : {});
    } else if (outcome.kind === "unavailable") {
      await releaseLease(ctx.tx, sub.id, opts.owner, { nextChargeAt: new Date(now.getTime() + UNREACHABLE_RETRY_MS), lastError: outcome.message });
    } else {
      const attempts = sub.attempts + 1;
      const retry = nextRetryAt(start, attempts, now);
      // Out of retries: the subscription ends where the paid period ended (the grace is over too).
      await releaseLease(
        ctx.tx,
        sub.id,
        opts.owner,
        retry ? { attempts, nextChargeAt: retry, lastError: outcome.message } : { attempts, lastError: outcome.message, endedAt: start },
      );
    }
    await syncPortOneSubscription(ctx, sub.id, now);
  });
  return outcome.kind;
}
