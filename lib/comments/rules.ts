// Pure comment rules. Every instant comes from the caller, so tests pin the boundaries exactly.
import { canRead, isBanActive, resolveCommentRight, type PieceGate, type TierRef } from "@/lib/access";

export const EDIT_WINDOW_MS = 15 * 60 * 1000;

export function editableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + EDIT_WINDOW_MS);
}

/** Editable while `now` is strictly before createdAt + 15 minutes. */
export function isWithinEditWindow(createdAt: Date, now: Date): boolean {
  return now.getTime() < editableUntil(createdAt).getTime();
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

/** Name shown next to a comment: the member's name, else the part of the email before "@". */
export function commentAuthorName(member: { name: string | null; email: string }): string {
  const name = member.name?.trim();
  if (name) return name;
  const local = member.email.split("@")[0]?.trim();
  return local || "member";
}

export type PostRight =
  | { ok: true }
  | { ok: false; reason: "signed_out" | "read" | "tier" }
  | { ok: false; reason: "banned"; bannedUntil: Date | null; banReason: string };

// Posting needs both: reading the piece (a commenting tier may still be below a piece's tier)
// and the comment right of design §3 (tier allows it, no active ban).
export function resolvePostRight(input: {
  piece: PieceGate;
  tier: TierRef;
  tiers: readonly TierRef[];
  bans: readonly BanLike[];
  now: Date;
}): PostRight {
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

export type ParentLike = { id: number; articleId: number; parentId: number | null; hiddenAt: Date | null; deletedAt: Date | null };
export type ReplyCheck = { ok: true } | { ok: false; message: string };

// One level of replies only, within the same piece, and never under a removed comment.
export function checkReplyTarget(parent: ParentLike | null, articleId: number): ReplyCheck {
  if (!parent || parent.articleId !== articleId) return { ok: false, message: "parentId: no such comment on this piece." };
  if (parent.parentId !== null) return { ok: false, message: "parentId: replies can only be made to top-level comments." };
  if (parent.hiddenAt || parent.deletedAt) return { ok: false, message: "parentId: this comment was removed and cannot be replied to." };
  return { ok: true };
}
