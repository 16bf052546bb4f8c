import "server-only";
import type { Db } from "@/db/client";
import { getAccessGeneration, getMemberById, listGrants } from "@/db/queries/members";
import { listAllTiers, listStaffRoles } from "@/db/queries/publications";
import type { Grant, Member, Tier } from "@/db/schema";
import {
  resolvePublicationAccess,
  staffRoleIn,
  type EffectiveAccess,
  type NetworkGrant,
  type NetworkTier,
  type StaffGrant,
  type StaffRoleName,
  type TierRef,
} from "@/lib/access";
import { buildAccessClaims, type AccessClaims } from "./claims";

export type MemberAccess = {
  member: Member;
  // Every grant of the member, in every publication.
  grants: Grant[];
  // The tiers of the publication asked about (what pages show), and of the whole install.
  tiers: Tier[];
  networkTiers: NetworkTier[];
  staff: StaffGrant[];
  publicationId: number;
  // Access and studio role in that publication, at `now`.
  access: EffectiveAccess;
  staffRole: StaffRoleName | null;
  claims: AccessClaims;
};

export const toGrantLike = (g: Grant): NetworkGrant => ({
  id: g.id,
  publicationId: g.publicationId,
  tierSlug: g.tierSlug,
  startsAt: g.startsAt,
  endsAt: g.endsAt,
  revokedAt: g.revokedAt,
  source: g.source,
});
export const toTierRef = (t: Tier): TierRef => ({ slug: t.slug, name: t.name, rank: t.rank, canComment: t.canComment });

// Tier rows and their bundle links → the network tier list the pure access rules take.
export function toNetworkTiers(rows: readonly Tier[], includes: readonly { tierId: number; includedTierId: number }[]): NetworkTier[] {
  const byId = new Map(rows.map((t) => [t.id, t]));
  return rows.map((t) => ({
    ...toTierRef(t),
    publicationId: t.publicationId,
    includes: includes
      .filter((l) => l.tierId === t.id)
      .map((l) => byId.get(l.includedTierId))
      .filter((x): x is Tier => x !== undefined)
      .map((x) => ({ publicationId: x.publicationId, slug: x.slug })),
  }));
}

export async function loadNetworkTiers(db: Db): Promise<{ rows: Tier[]; network: NetworkTier[] }> {
  const { tiers, includes } = await listAllTiers(db);
  return { rows: tiers, network: toNetworkTiers(tiers, includes) };
}

// Loads a member with everything needed to decide their access in a publication at `now` (one
// place, so the session claims, the account page and every API agree). The claims cover every
// publication the member has access or a role in, `publicationId` first.
export async function loadMemberAccess(db: Db, memberId: number, publicationId: number, now = new Date()): Promise<MemberAccess | null> {
  const member = await getMemberById(db, memberId);
  // A deleted account is nobody: its sessions resolve to a signed-out reader.
  if (!member || member.deletedAt) return null;
  const [grants, tiers, staff, generation] = await Promise.all([
    listGrants(db, memberId),
    loadNetworkTiers(db),
    listStaffRoles(db, memberId),
    getAccessGeneration(db),
  ]);
  const grantLikes = grants.map(toGrantLike);
  return {
    member,
    grants,
    tiers: tiers.rows.filter((t) => t.publicationId === publicationId),
    networkTiers: tiers.network,
    staff,
    publicationId,
    access: resolvePublicationAccess({ grants: grantLikes, tiers: tiers.network, publicationId, now, signedIn: true }),
    staffRole: staffRoleIn(member.role, staff, publicationId),
    claims: buildAccessClaims(member, grantLikes, tiers.network, staff, now, publicationId, generation),
  };
}
