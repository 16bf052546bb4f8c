// Comment right = the effective tier allows it and no ban is active at `now` (design §3).
import { ANON_SLUG, type TierRef } from "./tiers";

/** until null = indefinite ban. */
export type CommentBan = { until: Date | null };

export type CommentRightInput = { tier: TierRef; ban: CommentBan | null; now: Date };

export type CommentRight =
  | { ok: true }
  | { ok: false; reason: "signed_out" | "tier" }
  | { ok: false; reason: "banned"; bannedUntil: Date | null };

export function isBanActive(ban: CommentBan | null, now: Date): boolean {
  if (ban === null) return false;
  // Written so an invalid `until` (NaN) keeps the ban in force: fail closed.
  return ban.until === null || !(now.getTime() >= ban.until.getTime());
}

// Reasons are checked in the order that tells the reader what would actually help: signing in,
// then waiting out a ban (upgrading would not lift it), then upgrading.
export function resolveCommentRight({ tier, ban, now }: CommentRightInput): CommentRight {
  if (tier.slug === ANON_SLUG || tier.rank < 0) return { ok: false, reason: "signed_out" };
  if (isBanActive(ban, now)) return { ok: false, reason: "banned", bannedUntil: ban?.until ?? null };
  if (!tier.canComment) return { ok: false, reason: "tier" };
  return { ok: true };
}

export function canComment(input: CommentRightInput): boolean {
  return resolveCommentRight(input).ok;
}
