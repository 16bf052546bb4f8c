import { describe, expect, it } from "vitest";
import {
  ANON_TIER,
  cacheTierSlugs,
  canComment,
  canRead,
  isCacheTier,
  lowestTierWithRank,
  paidTiers,
  readableUntilChange,
  requiredRank,
  resolveCommentRight,
  tierBySlug,
  type PieceGate,
  type TierRef,
} from "@/lib/access";
import { TIERS, dec, plusMs } from "./access-fixtures";

const tier = (slug: string) => tierBySlug(TIERS, slug)!;

describe("requiredRank", () => {
  it.each([
    ["public", -1],
    ["free", 0],
    ["supporter", 1],
    ["patron", 3],
    ["platinum", Infinity],
  ])("%s → %s", (access, rank) => expect(requiredRank({ access }, TIERS)).toBe(rank));
});

describe("canRead", () => {
  const premiumPiece: PieceGate = { access: "premium", unlockAt: dec(10) };
  const rows: [string, PieceGate, string, Date, boolean][] = [
    ["public piece, anon", { access: "public", unlockAt: null }, "anon", dec(1), true],
    ["members-only piece, anon", { access: "free", unlockAt: null }, "anon", dec(1), false],
    ["members-only piece, free member", { access: "free", unlockAt: null }, "free", dec(1), true],
    ["premium piece, supporter", premiumPiece, "supporter", dec(1), false],
    ["premium piece, premium", premiumPiece, "premium", dec(1), true],
    ["premium piece, patron (higher rank)", premiumPiece, "patron", dec(1), true],
    ["premium piece, anon at unlockAt − 1 ms", premiumPiece, "anon", plusMs(dec(10), -1), false],
    ["premium piece, anon at unlockAt", premiumPiece, "anon", dec(10), true],
    ["premium piece, anon after unlockAt", premiumPiece, "anon", dec(11), true],
    ["unknown access slug fails closed even for the top tier", { access: "platinum", unlockAt: null }, "patron", dec(1), false],
    ["unknown access slug still opens at unlockAt", { access: "platinum", unlockAt: dec(5) }, "anon", dec(5), true],
  ];
  it.each(rows)("%s", (_name, piece, slug, now, expected) => {
    expect(canRead(piece, tier(slug), TIERS, now)).toBe(expected);
  });
});

describe("readableUntilChange", () => {
  it.each([
    ["future unlock", { access: "premium", unlockAt: dec(10) }, dec(9), dec(10)],
    ["unlock at now has happened", { access: "premium", unlockAt: dec(10) }, dec(10), null],
    ["no unlock", { access: "premium", unlockAt: null }, dec(9), null],
    ["public pieces never change", { access: "public", unlockAt: dec(10) }, dec(9), null],
  ] as [string, PieceGate, Date, Date | null][])("%s", (_n, piece, now, expected) => {
    expect(readableUntilChange(piece, now)).toEqual(expected);
  });
});

describe("comment right", () => {
  const supporter = tier("supporter");
  const free = tier("free");
  it.each([
    ["anon", ANON_TIER, null, dec(1), { ok: false, reason: "signed_out" }],
    ["free tier cannot comment", free, null, dec(1), { ok: false, reason: "tier" }],
    ["supporter, no ban", supporter, null, dec(1), { ok: true }],
    ["ban until the 5th, at 5th − 1 ms", supporter, { until: dec(5) }, plusMs(dec(5), -1), { ok: false, reason: "banned", bannedUntil: dec(5) }],
    ["ban until the 5th, at the 5th", supporter, { until: dec(5) }, dec(5), { ok: true }],
    ["indefinite ban", supporter, { until: null }, dec(99), { ok: false, reason: "banned", bannedUntil: null }],
    ["banned free member hears about the ban first", free, { until: null }, dec(1), { ok: false, reason: "banned", bannedUntil: null }],
    ["invalid ban end keeps the ban (fail closed)", supporter, { until: new Date(NaN) }, dec(1), { ok: false, reason: "banned" }],
  ] as [string, TierRef, { until: Date | null } | null, Date, object][])("%s", (_n, t, ban, now, expected) => {
    expect(resolveCommentRight({ tier: t, ban, now })).toMatchObject(expected);
    expect(canComment({ tier: t, ban, now })).toBe((expected as { ok: boolean }).ok);
  });
});

describe("tier helpers", () => {
  it("tierBySlug knows the implicit tiers and returns null for unknown slugs", () => {
    expect(tierBySlug(TIERS, "anon")).toBe(ANON_TIER);
    expect(tierBySlug(TIERS, "free")).toBe(TIERS[0]);
    expect(tierBySlug([], "free")).toMatchObject({ slug: "free", rank: 0 });
    expect(tierBySlug(TIERS, "premium")?.rank).toBe(2);
    expect(tierBySlug(TIERS, "platinum")).toBeNull();
  });

  it("paidTiers are rank > 0, cheapest first, whatever the input order", () => {
    expect(paidTiers([...TIERS].reverse()).map((t) => t.slug)).toEqual(["supporter", "premium", "patron"]);
  });

  it.each([
    [-1, "anon"],
    [0, "free"],
    [2, "premium"],
    [3, "patron"],
    [4, null],
    [Infinity, null],
  ])("lowestTierWithRank(%s) → %s", (rank, slug) => {
    expect(lowestTierWithRank(TIERS, rank)?.slug ?? null).toBe(slug);
  });

  it("cache tiers are anon, free, then paid slugs", () => {
    expect(cacheTierSlugs(TIERS)).toEqual(["anon", "free", "supporter", "premium", "patron"]);
    expect(cacheTierSlugs([])).toEqual(["anon", "free"]);
    expect(isCacheTier(TIERS, "premium")).toBe(true);
    expect(isCacheTier(TIERS, "anon")).toBe(true);
    expect(isCacheTier(TIERS, "platinum")).toBe(false);
  });
});
