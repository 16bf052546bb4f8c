import "server-only";
import type { Db } from "@/db/client";
import { countMembers, listPossiblyLiveGrants, type MemberFilter } from "@/db/queries/studio-members";
import { loadNetworkTiers, toGrantLike } from "@/lib/auth/member-access";
import { countMembersByTier, resolveMemberTiers, tierFilter, type TierCount } from "./member-tiers";

export type MemberTierView = { paid: Map<number, string>; counts: TierCount[]; tiers: { slug: string; name: string; rank: number }[]; freeSlug: string };

// What the member list, its counts and the export share: every member's tier in the publication now.
export async function loadMemberTiers(db: Db, publicationId: number, now: Date): Promise<MemberTierView> {
  const [grants, tiers, total] = await Promise.all([listPossiblyLiveGrants(db, now), loadNetworkTiers(db), countMembers(db)]);
  const own = tiers.rows.filter((t) => t.publicationId === publicationId);
  const paid = resolveMemberTiers(grants.map((g) => ({ ...toGrantLike(g), memberId: g.memberId })), tiers.network, publicationId, now);
  const freeSlug = [...own].sort((a, b) => a.rank - b.rank)[0]?.slug ?? "free";
  return { paid, counts: countMembersByTier(total, paid, own), tiers: own, freeSlug };
}

// A tier filter from the query string; an unknown tier filters nothing rather than failing.
export function memberFilterOf(view: MemberTierView, q: string, tier: string): MemberFilter {
  if (!tier || !view.tiers.some((t) => t.slug === tier)) return { q };
  return { q, ...tierFilter(view.paid, tier, view.freeSlug) };
}
