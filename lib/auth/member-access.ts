import "server-only";
import type { Db } from "@/db/client";
import { getMemberById, listGrants } from "@/db/queries/members";
import { listTiers } from "@/db/queries/taxonomy";
import type { Grant, Member, Tier } from "@/db/schema";
import { resolveEffectiveAccess, type EffectiveAccess, type GrantLike, type TierRef } from "@/lib/access";
import { buildAccessClaims, type AccessClaims } from "./claims";

export type MemberAccess = {
  member: Member;
  grants: Grant[];
  tiers: Tier[];
  access: EffectiveAccess;
  claims: AccessClaims;
};

export const toGrantLike = (g: Grant): GrantLike => ({ id: g.id, tierSlug: g.tierSlug, startsAt: g.startsAt, endsAt: g.endsAt, revokedAt: g.revokedAt, source: g.source });
export const toTierRef = (t: Tier): TierRef => ({ slug: t.slug, name: t.name, rank: t.rank, canComment: t.canComment });

// Loads a member with everything needed to decide their access at `now` (one place, so the
// session claims, the account page and every API agree).
export async function loadMemberAccess(db: Db, memberId: number, now = new Date()): Promise<MemberAccess | null> {
  const member = await getMemberById(db, memberId);
  if (!member) return null;
  const [grants, tiers] = await Promise.all([listGrants(db, memberId), listTiers(db)]);
  const grantLikes = grants.map(toGrantLike);
  const tierRefs = tiers.map(toTierRef);
  return {
    member,
    grants,
    tiers,
    access: resolveEffectiveAccess({ grants: grantLikes, tiers: tierRefs, now, signedIn: true }),
    claims: buildAccessClaims(member, grantLikes, tierRefs, now),
  };
}
