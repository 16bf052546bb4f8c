import "server-only";
import type { Db } from "@/db/client";
import { countMembers, listPossiblyLiveGrants, type MemberFilter } from "@/db/queries/studio-members";
import { loadNetworkTiers, toGrantLike } from "@/lib/auth/member-access";
import { countMembersByTier, resolveMemberTiers, tierFilter, type TierCount } from "./member-tiers";

export type MemberTierView = { paid: Map<number, string>; counts: TierCount[]; tiers: { slug: string; name: string; rank: number }[]; freeSlug: string };

// What the member list, its counts and the export share: every member's tier in the publication now.
export async function loadMemberTiers(db: Db, publicationId: number, now: Date): Promise<MemberTierView> {
  const [tiers, total] = await Promise.all([loadNetworkTiers(db), countMembers(db)]);
  // Only grants of this publication or of a bundle that includes one of its tiers can count here.
  const sources = new Set([
    publicationId,
    ...tiers.network.filter((t) => t.includes.some((k) => k.publicationId === publicationId)).map((t) => t.publicationId),
  ]);
  const grants = await listPossiblyLiveGrants(db, now, [...sources]);
  const own = tiers.rows.filter((t) => t.publicationId === publicationId);
  const paid = resolveMemberTiers(
    grants.map((g) => ({ ...toGrantLike(g), memberId: g.memberId })),
    tiers.network,
    publicationId,
    now,
  );
  const freeSlug = [...own].sort((a, b) => a.rank - b.rank)[0]?.slug ?? "free";
  return { paid, counts: countMembersByTier(total, paid, own), tiers: own, freeSlug };
}

// A tier filter from the query string; an unknown tier filters nothing rather than failing.
export function memberFilterOf(view: MemberTierView, q: string, tier: string): MemberFilter {
  if (!tier || !view.tiers.some((t) => t.slug === tier)) return { q };
  return { q, ...tierFilter(view.paid, tier, view.freeSlug) };
}
