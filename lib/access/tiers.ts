// Tier vocabulary shared by every access rule. Pure: callers pass the tier list they loaded.

export type TierRef = { slug: string; name?: string; rank: number; canComment: boolean };

export const ANON_SLUG = "anon" as const;
export const FREE_SLUG = "free" as const;

// The reader with no account. Implicit: it is never stored in the tiers table.
export const ANON_TIER: TierRef = Object.freeze({ slug: ANON_SLUG, rank: -1, canComment: false });

// Used when the tier list lacks a "free" row, so a signed-in member never falls below rank 0.
export const FREE_TIER_FALLBACK: TierRef = Object.freeze({ slug: FREE_SLUG, rank: 0, canComment: false });

export function resolveFreeTier(tiers: readonly TierRef[]): TierRef {
  return tiers.find((t) => t.slug === FREE_SLUG) ?? FREE_TIER_FALLBACK;
}

/** The tier for a slug, including the implicit "anon" and "free"; null when unknown. */
export function tierBySlug(tiers: readonly TierRef[], slug: string): TierRef | null {
  if (slug === ANON_SLUG) return ANON_TIER;
  if (slug === FREE_SLUG) return resolveFreeTier(tiers);
  return tiers.find((t) => t.slug === slug) ?? null;
}

/** A tier a member pays for: above free (rank 0) and not one of the implicit anon/free tiers. */
export function isPaidTier(tier: Pick<TierRef, "slug" | "rank">): boolean {
  return tier.rank > 0 && tier.slug !== ANON_SLUG && tier.slug !== FREE_SLUG;
}

/** Tiers a member can pay for, cheapest (lowest rank) first. */
export function paidTiers<T extends Pick<TierRef, "slug" | "rank">>(tiers: readonly T[]): T[] {
  return tiers.filter(isPaidTier).sort((a, b) => a.rank - b.rank);
}

/**
 * The lowest tier whose rank is at least `rank` (the cheapest tier that unlocks a piece needing it),
 * considering the implicit anon and free tiers too; null when no tier is high enough.
 */
export function lowestTierWithRank(tiers: readonly TierRef[], rank: number): TierRef | null {
  const ladder = [ANON_TIER, resolveFreeTier(tiers), ...paidTiers(tiers)];
  return ladder.find((t) => t.rank >= rank) ?? null;
}

/** The per-tier cache keys: one cached render per entry, whatever the number of readers. */
export function cacheTierSlugs(tiers: readonly TierRef[]): string[] {
  return [ANON_SLUG, FREE_SLUG, ...paidTiers(tiers).map((t) => t.slug)];
}

export function isCacheTier(tiers: readonly TierRef[], slug: string): boolean {
  return cacheTierSlugs(tiers).includes(slug);
}
