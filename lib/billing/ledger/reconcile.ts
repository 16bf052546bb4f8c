import { listSubscriptionRefunds, setSubscriptionTier, updateGrantFields, type SubscriptionRow } from "@/db/queries/billing";
import { bumpAccessEpoch, getGrantBySource, insertGrant } from "@/db/queries/members";
import type { HandlerContext } from "../stripe/context";
import { subscriptionSnapshotSchema } from "./facts";
import { planStripeGrant, sameGrantFields, type GrantPlan } from "./grant-plan";
import { linkPendingClaim } from "./link-member";

export type ReconcileOutcome = { memberId: number | null; plan: GrantPlan | null; changed: boolean };

type Ctx = Pick<HandlerContext, "tx" | "tiers" | "pastDueGraceMs" | "bumped">;

/**
 * Brings the subscription's grant in line with the stored facts (freshest snapshot, refunds,
 * member link). Called with the subscription row locked — and passed as it stands after the
 * caller's writes — so grant writes for one subscription are serialized. Bumps the access epoch
 * of every member whose grants changed.
 */
export async function reconcileSubscriptionGrant(ctx: Ctx, row: SubscriptionRow): Promise<ReconcileOutcome> {
  const subscriptionId = row.id;
  if (!row.snapshot || !row.snapshotAt) return { memberId: row.memberId, plan: null, changed: false };

  const snapshot = subscriptionSnapshotSchema.parse(row.snapshot);
  const refunds = (await listSubscriptionRefunds(ctx.tx, subscriptionId)).flatMap((r) =>
    r.refundedAt ? [{ refundedAt: r.refundedAt, invoicePeriodEnd: r.invoicePeriodEnd }] : [],
  );
  // One ledger for both providers: the row says whose subscription it is, and so the grant's source.
  const source = row.provider;
  const existing = await getGrantBySource(ctx.tx, source, subscriptionId);
  const plan = planStripeGrant({
    snapshot,
    snapshotAt: row.snapshotAt,
    tiers: await ctx.tiers(),
    pastDueGraceMs: ctx.pastDueGraceMs,
    refunds,
    existing,
    reasonPrefix: `${source}:`,
  });
  const tier =
    plan.mapping.kind === "grant" ? { publicationId: plan.mapping.publicationId, tierSlug: plan.mapping.tierSlug } : { publicationId: null, tierSlug: null };
  if (tier.tierSlug !== row.tierSlug || tier.publicationId !== row.publicationId)
    await setSubscriptionTier(ctx.tx, subscriptionId, tier.publicationId, tier.tierSlug);

  // An email claim that waited for a price we know becomes a member now (lib/billing/ledger/link-member.ts).
  const memberId = row.memberId ?? (plan.mapping.kind === "grant" ? await linkPendingClaim(ctx, row) : null);
  if (memberId === null || !plan.grant) return { memberId, plan, changed: false };
  if (!existing) {
    await insertGrant(ctx.tx, {
      memberId,
      ...plan.grant,
      source,
      sourceRef: subscriptionId,
      note: source === "portone" ? "PortOne subscription" : "Stripe subscription",
    });
    await bump(ctx, [memberId]);
    return { memberId, plan, changed: true };
  }
  if (existing.memberId === memberId && sameGrantFields(existing, plan.grant)) return { memberId, plan, changed: false };
  await updateGrantFields(ctx.tx, existing.id, { memberId, ...plan.grant });
  await bump(ctx, [...new Set([existing.memberId, memberId])]);
  return { memberId, plan, changed: true };
}

// Ascending ids: two transactions bumping the same pair of members lock them in the same order.
async function bump(ctx: Ctx, memberIds: number[]) {
  for (const id of [...memberIds].sort((a, b) => a - b)) ctx.bumped.set(id, await bumpAccessEpoch(ctx.tx, id));
}
