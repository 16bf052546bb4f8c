import type { GrantLike, TierRef } from "@/lib/access";

// Four tiers with distinct ranks: the shape the seed data and the property tests rely on.
export const TIERS: TierRef[] = [
  { slug: "free", name: "Free", rank: 0, canComment: false },
  { slug: "supporter", name: "Supporter", rank: 1, canComment: true },
  { slug: "premium", name: "Premium", rank: 2, canComment: true },
  { slug: "patron", name: "Patron", rank: 3, canComment: true },
];

/** Midnight UTC on the given day of December 2025. */
export const dec = (day: number) => new Date(Date.UTC(2025, 11, day));
export const plusMs = (d: Date, ms: number) => new Date(d.getTime() + ms);

export function grant(tierSlug: string, startsAt: Date, endsAt: Date | null, revokedAt: Date | null = null): GrantLike {
  return { tierSlug, startsAt, endsAt, revokedAt, source: "comp" };
}
