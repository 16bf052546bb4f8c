import { isPaidTier, resolvePublicationAccess, type NetworkGrant, type NetworkTier } from "@/lib/access";

// The studio's member list, counts and export agree on one rule: a member's tier in a publication
// is what the access resolver says at `now` (bundles included). Members with no live grant there
// are on the publication's free tier, so only members with grants need resolving.

export type MemberGrant = NetworkGrant & { memberId: number };
export type TierCount = { slug: string; label: string; count: number };

export function resolveMemberTiers(grants: readonly MemberGrant[], tiers: readonly NetworkTier[], publicationId: number, now: Date): Map<number, string> {
  const byMember = new Map<number, NetworkGrant[]>();
  for (const g of grants) byMember.set(g.memberId, [...(byMember.get(g.memberId) ?? []), g]);
  const result = new Map<number, string>();
  for (const [memberId, own] of byMember) {
    const access = resolvePublicationAccess({ grants: own, tiers, publicationId, now, signedIn: true });
    if (isPaidTier(access.tier)) result.set(memberId, access.tier.slug);
  }
  return result;
}

// Counts per tier of the publication, lowest rank first; everyone not on a paid tier is free.
export function countMembersByTier(
  totalMembers: number,
  paid: ReadonlyMap<number, string>,
  tiers: readonly { slug: string; name: string; rank: number }[],
): TierCount[] {
  const counts = new Map<string, number>();
  for (const slug of paid.values()) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  const ordered = [...tiers].sort((a, b) => a.rank - b.rank);
  return ordered.map((t) => ({ slug: t.slug, label: t.name, count: isPaidTier(t) ? (counts.get(t.slug) ?? 0) : Math.max(0, totalMembers - paid.size) }));
}

// Which member ids a tier filter keeps: a paid tier lists its members; the free tier is "not paid".
export function tierFilter(paid: ReadonlyMap<number, string>, slug: string, freeSlug: string): { only: number[] } | { except: number[] } {
  if (slug === freeSlug) return { except: [...paid.keys()] };
  return { only: [...paid].filter(([, s]) => s === slug).map(([id]) => id) };
}
