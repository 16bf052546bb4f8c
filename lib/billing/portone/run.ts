import type { Db } from "@/db/client";
import { listBillingTiers } from "@/db/queries/billing";
import { noteEpoch } from "@/lib/auth/epochs";
import type { BillingTier } from "../tiers";
import type { PortOneCtx } from "./apply";

/** One transaction of PortOne billing work; the access epochs it bumped are announced after commit. */
export async function inPortOneTx<T>(db: Db, pastDueGraceMs: number, work: (ctx: PortOneCtx) => Promise<T>): Promise<T> {
  const bumped = new Map<number, number>();
  const result = await db.transaction(async (tx) => {
    let tiers: Promise<BillingTier[]> | undefined;
    return work({ tx, bumped, pastDueGraceMs, tiers: () => (tiers ??= listBillingTiers(tx)) });
  });
  for (const [memberId, epoch] of bumped) noteEpoch(memberId, epoch);
  return result;
}
