// Which claim on a subscription's member wins (lib/billing/ledger/link-member.ts). Pure.

// Claims, strongest first: a member id we put in the checkout; the Stripe customer a member
// already has; the customer's email.
export const LINK_RANK = { email: 1, customer: 2, explicit: 3 } as const;

export type LinkState = { memberId: number | null; memberLinkRank: number };

/**
 * Whether a claim replaces the current link: a stronger one wins; between equal ones the lower
 * member id, so the outcome does not depend on the order events arrive in. The update in
 * db/queries/billing.ts (linkSubscriptionMember) enforces the same rule in its WHERE.
 */
export function claimWins(current: LinkState, claim: { memberId: number; rank: number }): boolean {
  if (claim.rank !== current.memberLinkRank) return claim.rank > current.memberLinkRank;
  return current.memberId === null || current.memberId > claim.memberId;
}
