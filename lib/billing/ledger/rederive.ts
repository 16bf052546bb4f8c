import type { Db } from "@/db/client";
import { getSubscription, listBillingTiers, lockSubscription } from "@/db/queries/billing";
import { noteEpoch } from "@/lib/auth/epochs";
import { reconcileSubscriptionGrant, type ReconcileOutcome } from "./reconcile";
import type { BillingTier } from "../tiers";

/**
 * Re-derives one subscription's grant from the facts already stored — e.g. after an admin maps a
 * previously unknown price to a tier, or from the reconcile command. No Stripe call; same rules
 * and locking as the webhook, and the same epoch announcements after commit.
 */
export async function rederiveSubscriptionGrant(db: Db, subscriptionId: string, opts: { pastDueGraceMs: number }): Promise<ReconcileOutcome | null> {
  const bumped = new Map<number, number>();
  const outcome = await db.transaction(async (tx) => {
    const row = await getSubscription(tx, subscriptionId);
    if (!row) return null;
    const locked = await lockSubscription(tx, subscriptionId, row.customerId);
    let tiers: Promise<BillingTier[]> | undefined;
    return reconcileSubscriptionGrant({ tx, bumped, pastDueGraceMs: opts.pastDueGraceMs, tiers: () => (tiers ??= listBillingTiers(tx)) }, locked);
  });
  for (const [memberId, epoch] of bumped) noteEpoch(memberId, epoch);
  return outcome;
}
