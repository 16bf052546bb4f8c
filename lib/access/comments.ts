// Comment right = the effective tier allows it and no ban is active at `now` (design §3).
import { canRead, type PieceGate } from "./pieces";
import { ANON_SLUG, type TierRef } from "./tiers";

/** until null = indefinite ban. */
export type CommentBan = { until: Date | null };

export type CommentRightInput = { tier: TierRef; ban: CommentBan | null; now: Date };

export type CommentRight = { ok: true } | { ok: false; reason: "signed_out" | "tier" } | { ok: false; reason: "banned"; bannedUntil: Date | null };

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

export type BanLike = { until: Date | null; reason: string; liftedAt: Date | null };

/**
 * The ban in force at `now`, out of a member's ban history: an indefinite one wins, else the one
 * that ends last. Null when none is active (expired bans end on their own, no job needed).
 */
export function resolveActiveBan<B extends BanLike>(bans: readonly B[], now: Date): B | null {
  const active = bans.filter((b) => b.liftedAt === null && isBanActive({ until: b.until }, now));
  if (active.length === 0) return null;
  return active.reduce((best, b) => {
    if (best.until === null) return best;
    if (b.until === null) return b;
    return b.until.getTime() > best.until.getTime() ? b : best;
  });
}

export type PostRight =
  { ok: true } | { ok: false; reason: "signed_out" | "read" | "tier" } | { ok: false; reason: "banned"; bannedUntil: Date | null; banReason: string };

// Posting needs both: reading the piece (a commenting tier may still be below a piece's tier)
// and the comment right of design §3 (tier allows it, no active ban).
export function resolvePostRight(input: { piece: PieceGate; tier: TierRef; tiers: readonly TierRef[]; bans: readonly BanLike[]; now: Date }): PostRight {
  const ban = resolveActiveBan(input.bans, input.now);
  const right = resolveCommentRight({ tier: input.tier, ban, now: input.now });
  if (!right.ok && right.reason === "signed_out") return right;
  if (!canRead(input.piece, input.tier, input.tiers, input.now)) return { ok: false, reason: "read" };
  if (!right.ok && right.reason === "banned") return { ok: false, reason: "banned", bannedUntil: right.bannedUntil, banReason: ban?.reason ?? "" };
  if (!right.ok) return { ok: false, reason: "tier" };
  return { ok: true };
}

/** The cheapest tier whose members may comment, for "comments are for <tier> members". */
export function lowestCommentTier<T extends TierRef>(tiers: readonly T[]): T | null {
  return [...tiers].filter((t) => t.canComment && t.rank >= 0).sort((a, b) => a.rank - b.rank)[0] ?? null;
}
