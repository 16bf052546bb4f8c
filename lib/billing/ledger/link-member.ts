import { z } from "zod";
import { attachStripeCustomer, linkSubscriptionMember, setPendingMemberClaim, type SubscriptionRow } from "@/db/queries/billing";
import { ensureMember, getMemberById, getMemberByStripeCustomer } from "@/db/queries/members";
import type { HandlerContext } from "../stripe/context";
import { subscriptionSnapshotSchema } from "./facts";
import { claimWins, LINK_RANK } from "./link-rule";
import { resolveSubscriptionTier } from "../tiers";

// Which member a subscription belongs to. Claims, strongest first: a member id we put in
// client_reference_id / metadata.memberId; the Stripe customer a member already has; the
// customer's email — creating the member, so a payment made through any Stripe link still yields
// an account, but only once the subscription's price is known to sell a tier of some publication
// (until then the email waits on the subscription row; lib/billing/ledger/reconcile.ts creates the member
// when the snapshot arrives), so a price of no known publication makes no phantom member. The
// strongest claim seen so far wins, whatever order the events arrive in.

export type MemberClaims = {
  explicit: readonly (number | null)[];
  customerId: string | null;
  email: string | null;
  name?: string | null;
};

type Claim = {
  memberId: number;
  rank: number;
  /** The member already has a Stripe customer: attaching one would change nothing. */
  hasCustomer: boolean;
};

// The row comes back too: an email claim that must wait is written onto it.
async function resolveClaim(ctx: HandlerContext, row: SubscriptionRow, claims: MemberClaims): Promise<{ claim: Claim | null; row: SubscriptionRow }> {
  for (const id of claims.explicit) {
    const member = id === null ? null : await getMemberById(ctx.tx, id);
    if (member) return { claim: { memberId: member.id, rank: LINK_RANK.explicit, hasCustomer: member.stripeCustomerId !== null }, row };
  }
  // Nothing weaker can replace the current link, so skip the lookups (and never create a member).
  if (row.memberLinkRank >= LINK_RANK.customer) return { claim: null, row };
  const byCustomer = claims.customerId ? await getMemberByStripeCustomer(ctx.tx, claims.customerId) : null;
  if (byCustomer) return { claim: { memberId: byCustomer.id, rank: LINK_RANK.customer, hasCustomer: true }, row };
  if (row.memberLinkRank >= LINK_RANK.email) return { claim: null, row };
  const email = z.email().max(320).safeParse(claims.email?.trim());
  if (!email.success) return { claim: null, row };
  if (!(await sellsKnownTier(ctx, row))) {
    return { claim: null, row: (await setPendingMemberClaim(ctx.tx, row.id, email.data, claims.name ?? null)) ?? row };
  }
  const member = await ensureMember(ctx.tx, email.data, { name: claims.name ?? null });
  return { claim: { memberId: member.id, rank: LINK_RANK.email, hasCustomer: member.stripeCustomerId !== null }, row };
}

async function sellsKnownTier(ctx: Pick<HandlerContext, "tiers">, row: SubscriptionRow): Promise<boolean> {
  const snapshot = row.snapshot ? subscriptionSnapshotSchema.parse(row.snapshot) : null;
  return snapshot !== null && resolveSubscriptionTier(snapshot.items, await ctx.tiers()) !== null;
}

/** After a snapshot that sells a known tier: the member a waiting email claim names (created if new). */
export async function linkPendingClaim(ctx: Pick<HandlerContext, "tx">, row: SubscriptionRow): Promise<number | null> {
  if (row.memberId !== null || !row.pendingEmail) return row.memberId;
  const member = await ensureMember(ctx.tx, row.pendingEmail, { name: row.pendingName });
  await linkSubscriptionMember(ctx.tx, row.id, member.id, LINK_RANK.email);
  if (row.customerId) await attachStripeCustomer(ctx.tx, member.id, row.customerId);
  return member.id;
}

/**
 * Links the subscription row (locked by the caller, which passes it as it stands) and returns the
 * row after linking. Writes only what changes: an explicit claim repeated by every event of a
 * subscription costs one read.
 */
export async function linkSubscriptionToMember(ctx: HandlerContext, row: SubscriptionRow, claims: MemberClaims): Promise<SubscriptionRow> {
  const resolved = await resolveClaim(ctx, row, claims);
  const { claim } = resolved;
  const linked =
    claim && claimWins(resolved.row, claim) ? ((await linkSubscriptionMember(ctx.tx, row.id, claim.memberId, claim.rank)) ?? resolved.row) : resolved.row;
  const customerId = claims.customerId ?? linked.customerId;
  const nothingToAttach = claim !== null && claim.memberId === linked.memberId && claim.hasCustomer;
  if (linked.memberId !== null && customerId && !nothingToAttach) await attachStripeCustomer(ctx.tx, linked.memberId, customerId);
  return linked;
}
