import { z } from "zod";
import { attachStripeCustomer, getSubscription, linkSubscriptionMember, setPendingMemberClaim } from "@/db/queries/billing";
import { ensureMember, getMemberById, getMemberByStripeCustomer } from "@/db/queries/members";
import type { HandlerContext } from "../stripe/context";
import { subscriptionSnapshotSchema } from "./facts";
import { resolveSubscriptionTier } from "../tiers";

// Which member a subscription belongs to. Claims, strongest first: a member id we put in
// client_reference_id / metadata.memberId; the Stripe customer a member already has; the
// customer's email — creating the member, so a payment made through any Stripe link still yields
// an account, but only once the subscription's price is known to sell a tier of some publication
// (until then the email waits on the subscription row; lib/billing/ledger/reconcile.ts creates the member
// when the snapshot arrives), so a price of no known publication makes no phantom member. The
// strongest claim seen so far wins, whatever order the events arrive in.

export const LINK_RANK = { email: 1, customer: 2, explicit: 3 } as const;

export type MemberClaims = {
  explicit: readonly (number | null)[];
  customerId: string | null;
  email: string | null;
  name?: string | null;
};

type Claim = { memberId: number; rank: number };

async function resolveClaim(ctx: HandlerContext, subscriptionId: string, claims: MemberClaims, currentRank: number): Promise<Claim | null> {
  for (const id of claims.explicit) {
    const member = id === null ? null : await getMemberById(ctx.tx, id);
    if (member) return { memberId: member.id, rank: LINK_RANK.explicit };
  }
  // Nothing weaker can replace the current link, so skip the lookups (and never create a member).
  if (currentRank >= LINK_RANK.customer) return null;
  const byCustomer = claims.customerId ? await getMemberByStripeCustomer(ctx.tx, claims.customerId) : null;
  if (byCustomer) return { memberId: byCustomer.id, rank: LINK_RANK.customer };
  if (currentRank >= LINK_RANK.email) return null;
  const email = z.email().max(320).safeParse(claims.email?.trim());
  if (!email.success) return null;
  if (!(await sellsKnownTier(ctx, subscriptionId))) {
    await setPendingMemberClaim(ctx.tx, subscriptionId, email.data, claims.name ?? null);
    return null;
  }
  const member = await ensureMember(ctx.tx, email.data, { name: claims.name ?? null });
  return { memberId: member.id, rank: LINK_RANK.email };
}

async function sellsKnownTier(ctx: Pick<HandlerContext, "tx" | "tiers">, subscriptionId: string): Promise<boolean> {
  const row = await getSubscription(ctx.tx, subscriptionId);
  const snapshot = row?.snapshot ? subscriptionSnapshotSchema.parse(row.snapshot) : null;
  return snapshot !== null && resolveSubscriptionTier(snapshot.items, await ctx.tiers()) !== null;
}

/** After a snapshot that sells a known tier: the member a waiting email claim names (created if new). */
export async function linkPendingClaim(ctx: Pick<HandlerContext, "tx">, subscriptionId: string): Promise<number | null> {
  const row = await getSubscription(ctx.tx, subscriptionId);
  if (!row || row.memberId !== null || !row.pendingEmail) return row?.memberId ?? null;
  const member = await ensureMember(ctx.tx, row.pendingEmail, { name: row.pendingName });
  await linkSubscriptionMember(ctx.tx, subscriptionId, member.id, LINK_RANK.email);
  if (row.customerId) await attachStripeCustomer(ctx.tx, member.id, row.customerId);
  return member.id;
}

/** Links the subscription row (already locked by the caller) and returns the member now holding it. */
export async function linkSubscriptionToMember(ctx: HandlerContext, subscriptionId: string, claims: MemberClaims): Promise<number | null> {
  const current = await getSubscription(ctx.tx, subscriptionId);
  const claim = await resolveClaim(ctx, subscriptionId, claims, current?.memberLinkRank ?? 0);
  if (claim) await linkSubscriptionMember(ctx.tx, subscriptionId, claim.memberId, claim.rank);
  const memberId = claim ? ((await getSubscription(ctx.tx, subscriptionId))?.memberId ?? null) : (current?.memberId ?? null);
  const customerId = claims.customerId ?? current?.customerId ?? null;
  if (memberId !== null && customerId) await attachStripeCustomer(ctx.tx, memberId, customerId);
  return memberId;
}
