import { describe, expect, it } from "vitest";
import { ANON_TIER, lowestCommentTier, resolveActiveBan, resolvePostRight, type BanLike, type PieceGate, type TierRef } from "@/lib/access";

// The comment rights of lib/access/comments.ts: which ban is in force, who may post under a piece,
// and the cheapest commenting tier.
const free: TierRef = { slug: "free", rank: 0, canComment: false };
const supporter: TierRef = { slug: "supporter", rank: 1, canComment: false };
const premium: TierRef = { slug: "premium", rank: 2, canComment: true };
const patron: TierRef = { slug: "patron", rank: 3, canComment: true };
const tiers = [free, supporter, premium, patron];
const now = new Date("2026-12-01T09:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);
const ban = (until: Date | null, liftedAt: Date | null = null, reason = "spam"): BanLike => ({ until, liftedAt, reason });

describe("active ban", () => {
  it.each([
    ["no bans", [], null],
    ["an expired ban", [ban(at(-1))], null],
    ["a ban ending exactly now has ended", [ban(now)], null],
    ["a ban ending 1 ms from now", [ban(at(1))], at(1)],
    ["a lifted indefinite ban", [ban(null, at(-5))], null],
  ])("%s", (_name, bans, until) => {
    const active = resolveActiveBan(bans, now);
    expect(active?.until ?? null).toEqual(until);
  });

  it("prefers an indefinite ban, else the one ending last", () => {
    expect(resolveActiveBan([ban(at(10)), ban(null, null, "forever"), ban(at(99))], now)?.reason).toBe("forever");
    expect(resolveActiveBan([ban(at(10)), ban(at(99), null, "later"), ban(at(50))], now)?.reason).toBe("later");
  });
});

describe("post right", () => {
  const premiumPiece: PieceGate = { access: "premium", unlockAt: null };
  const publicPiece: PieceGate = { access: "public", unlockAt: null };
  const right = (tier: TierRef, piece = publicPiece, bans: BanLike[] = []) => resolvePostRight({ piece, tier, tiers, bans, now });

  it.each([
    ["anonymous", ANON_TIER, publicPiece, [], { ok: false, reason: "signed_out" }],
    ["free on a public piece", free, publicPiece, [], { ok: false, reason: "tier" }],
    ["supporter", supporter, publicPiece, [], { ok: false, reason: "tier" }],
    ["premium", premium, premiumPiece, [], { ok: true }],
    ["patron on a premium piece", patron, premiumPiece, [], { ok: true }],
    ["supporter on a premium piece cannot read it", supporter, premiumPiece, [], { ok: false, reason: "read" }],
    ["premium after a ban expired", premium, publicPiece, [ban(at(-1))], { ok: true }],
  ])("%s", (_name, tier, piece, bans, expected) => {
    expect(right(tier, piece, bans)).toEqual(expected);
  });

  it("reports a ban with its end and reason, ahead of the tier", () => {
    expect(right(premium, publicPiece, [ban(at(5000), null, "flooding")])).toEqual({
      ok: false,
      reason: "banned",
      bannedUntil: at(5000),
      banReason: "flooding",
    });
    expect(right(supporter, publicPiece, [ban(null)])).toMatchObject({ ok: false, reason: "banned", bannedUntil: null });
  });

  it("a commenting tier below the piece's tier may not post on it", () => {
    const patronPiece: PieceGate = { access: "patron", unlockAt: null };
    expect(right(premium, patronPiece)).toEqual({ ok: false, reason: "read" });
    expect(right(premium, { ...patronPiece, unlockAt: at(-1) })).toEqual({ ok: true });
  });

  it("names the cheapest commenting tier", () => {
    expect(lowestCommentTier(tiers)?.slug).toBe("premium");
    expect(lowestCommentTier([free, supporter])).toBeNull();
  });
});
