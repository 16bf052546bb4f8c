// Access rules for email (design §11): which copy of a piece a newsletter recipient gets, and when
// a member is told that their access ends. Pure: the caller loads grants and tiers.
import { resolvePublicationAccess, resolvePublicationTimeline, tiersOf, type PublicationAccessInput } from "./bundles";
import { canRead, PUBLIC_ACCESS, type PieceGate } from "./pieces";
import { isPaidTier, tierBySlug, type TierRef } from "./tiers";

export type NewsletterVariant = "full" | "teaser";

type MemberAccessInput = Omit<PublicationAccessInput, "signedIn">;

/** The same rule as the web at `now`: the full text for a recipient who may read it, else the teaser. */
export function newsletterVariant(piece: PieceGate, input: MemberAccessInput): NewsletterVariant {
  if (piece.access === PUBLIC_ACCESS) return "full";
  const access = resolvePublicationAccess({ ...input, signedIn: true });
  return canRead(piece, access.tier, tiersOf(input.tiers, input.publicationId), input.now) ? "full" : "teaser";
}

export const ENDING_NOTICE_LEAD_MS = 3 * 24 * 3600_000;

export type AccessEnding = { tier: TierRef; endsAt: Date; after: TierRef };

/**
 * The member's paid access in the publication ends within `leadMs` and what follows is lower (no
 * other grant takes over): the "your access ends on …" notice is due. Null otherwise — also when
 * the ending grant is followed by an equal or higher one. A grant that renews by itself (a Stripe
 * subscription not set to cancel) must be passed without an end: its period end is no ending.
 */
export function accessEndingSoon(input: MemberAccessInput, leadMs = ENDING_NOTICE_LEAD_MS): AccessEnding | null {
  const [current, next] = resolvePublicationTimeline({ ...input, signedIn: true, steps: 2 });
  if (!current || current.until === null || !next) return null;
  if (current.until.getTime() - input.now.getTime() > leadMs) return null;
  const tiers = tiersOf(input.tiers, input.publicationId);
  const tier = tierBySlug(tiers, current.tier);
  const after = tierBySlug(tiers, next.tier);
  if (!tier || !after || !isPaidTier(tier) || after.rank >= tier.rank) return null;
  return { tier, endsAt: current.until, after };
}
