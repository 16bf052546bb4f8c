import type { Db } from "@/db/client";
import { bumpAccessEpoch, ensureMember, getMemberById, insertGrant, revokeGrant, updateMember } from "@/db/queries/members";
import { grants, type GrantSource, type Role } from "@/db/schema/index";
import { noteEpoch } from "@/lib/auth/epochs";
import { eq } from "drizzle-orm";

export type GrantInput = {
  email: string;
  // A grant is of one publication's tier.
  publicationId: number;
  tierSlug: string;
  startsAt: Date;
  endsAt: Date | null;
  source: GrantSource;
  sourceRef?: string | null;
  note?: string | null;
  grantedBy?: number | null;
};

// Every grant change happens with an epoch bump in the same transaction, so sessions minted
// before it are re-minted on their next request on any instance.
export async function grantAccess(db: Db, input: GrantInput) {
  const result = await db.transaction(async (tx) => {
    const member = await ensureMember(tx, input.email);
    const grant = await insertGrant(tx, {
      memberId: member.id,
      publicationId: input.publicationId,
      tierSlug: input.tierSlug,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      source: input.source,
      sourceRef: input.sourceRef ?? null,
      note: input.note ?? null,
      grantedBy: input.grantedBy ?? null,
    });
    const epoch = await bumpAccessEpoch(tx, member.id);
    return { member, grant, epoch };
  });
  noteEpoch(result.member.id, result.epoch);
  return result;
}

export async function revokeAccess(db: Db, grantId: number, reason: string, at = new Date()) {
  const result = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(grants).where(eq(grants.id, grantId)).limit(1);
    if (!existing) return null;
    const revoked = await revokeGrant(tx, grantId, at, reason);
    if (!revoked) return { grant: existing, epoch: null };
    return { grant: revoked, epoch: await bumpAccessEpoch(tx, existing.memberId) };
  });
  if (result?.epoch != null) noteEpoch(result.grant.memberId, result.epoch);
  return result?.grant ?? null;
}

export async function setRole(db: Db, memberId: number, role: Role) {
  const result = await db.transaction(async (tx) => {
    const member = await getMemberById(tx, memberId);
    if (!member) return null;
    if (member.role === role) return { member, epoch: null };
    const updated = await updateMember(tx, memberId, { role });
    return { member: updated ?? member, epoch: await bumpAccessEpoch(tx, memberId) };
  });
  if (result?.epoch != null) noteEpoch(memberId, result.epoch);
  return result?.member ?? null;
}
