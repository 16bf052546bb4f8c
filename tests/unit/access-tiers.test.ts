import { describe, expect, it } from "vitest";
import { ANON_TIER, canHavePrivateFeed, FREE_TIER_FALLBACK, isPaidTier, paidTiers, type TierRef } from "@/lib/access";

// The paid-tier rule every caller shares (checkout, Admin API, imports, pricing cards, notices,
// private feeds): above rank 0 and not one of the implicit anon/free tiers.
const free: TierRef = { slug: "free", rank: 0, canComment: false };
const supporter: TierRef = { slug: "supporter", rank: 1, canComment: false };
const premium: TierRef = { slug: "premium", rank: 2, canComment: true };

describe("isPaidTier", () => {
  it.each([
    ["anon", ANON_TIER, false],
    ["free", free, false],
    ["the free fallback", FREE_TIER_FALLBACK, false],
    ["supporter (rank 1)", supporter, true],
    ["premium (rank 2)", premium, true],
    ["a row misnamed free with a rank", { ...free, rank: 3 }, false],
  ])("%s → %s", (_name, tier, expected) => {
    expect(isPaidTier(tier)).toBe(expected);
  });

  it("paidTiers keeps exactly the paid ones, cheapest first", () => {
    expect(paidTiers([premium, ANON_TIER, free, supporter]).map((t) => t.slug)).toEqual(["supporter", "premium"]);
  });
});

describe("canHavePrivateFeed", () => {
  it("needs a paid tier", () => {
    expect(canHavePrivateFeed(ANON_TIER)).toBe(false);
    expect(canHavePrivateFeed(free)).toBe(false);
    expect(canHavePrivateFeed(supporter)).toBe(true);
    expect(canHavePrivateFeed(premium)).toBe(true);
  });
});
