import type { Db } from "@/db/client";
import { bumpAccessEpoch, getMemberById } from "@/db/queries/members";
import { setStaffRole } from "@/db/queries/publications";
import { getGrantById } from "@/db/queries/studio-members";
import type { Role, StaffRole } from "@/db/schema";
import { noteEpoch } from "@/lib/auth/epochs";
import { AppError } from "@/lib/http/errors";
import { grantAccess, revokeAccess, setRole, type GrantInput } from "@/lib/members/grant-access";
import { recordAudit, type Actor } from "./audit";
import { actorPublication } from "./pieces";
import { studioMessage } from "./messages";

// Grant and role changes from the studio, the Admin API and the CLI. The epoch bump lives in
// lib/members/grant-access (so sessions re-mint); this adds who did it to the audit log.

const iso = (d: Date | null) => d?.toISOString() ?? null;

// Grants are made in the actor's publication (studio: its publication; Admin API: the host's).
export async function grantWithAudit(db: Db, actor: Actor, input: Omit<GrantInput, "grantedBy" | "publicationId">) {
  const result = await grantAccess(db, { ...input, publicationId: actorPublication(actor), grantedBy: actor.memberId });
  const { grant, member } = result;
  await recordAudit(db, actor, {
    action: "grant.create",
    subjectType: "grant",
    subjectId: grant.id,
    memberId: member.id,
    summary: `${member.email}: ${grant.tierSlug} ${iso(grant.startsAt)} → ${iso(grant.endsAt) ?? "평생 (lifetime)"}`,
    details: { tier: grant.tierSlug, startsAt: iso(grant.startsAt), endsAt: iso(grant.endsAt), source: grant.source, note: grant.note },
  });
  return result;
}

export async function revokeWithAudit(db: Db, actor: Actor, grantId: number, reason: string) {
  // A grant of another publication is "not found" here, never revoked.
  const existing = await getGrantById(db, grantId);
  if (!existing || existing.publicationId !== actorPublication(actor)) throw new AppError("not_found", "grant", studioMessage("grantNotFound"));
  const grant = await revokeAccess(db, grantId, reason);
  if (!grant) throw new AppError("not_found", "grant", studioMessage("grantNotFound"));
  await recordAudit(db, actor, {
    action: "grant.revoke",
    subjectType: "grant",
    subjectId: grant.id,
    memberId: grant.memberId,
    summary: `${grant.tierSlug} 권한 회수 (revoked): ${reason}`,
    details: { tier: grant.tierSlug, revokedAt: iso(grant.revokedAt), reason },
  });
  return grant;
}

// The network role (every publication): network admins only.
export async function setRoleWithAudit(db: Db, actor: Actor, memberId: number, role: Role) {
  if (actor.role !== "admin" || !actor.network) throw new AppError("forbidden", "role", studioMessage("networkAdminsOnly"));
  if (actor.memberId === memberId && role !== "admin") throw new AppError("invalid", "role", studioMessage("ownAdminRole"));
  const member = await setRole(db, memberId, role);
  if (!member) throw new AppError("not_found", "member", studioMessage("memberNotFound"));
  await recordAudit(db, actor, {
    action: "member.role",
    subjectType: "member",
    subjectId: memberId,
    memberId,
    publicationId: null,
    summary: `${member.email}: 역할 → ${role}`,
    details: { role },
  });
  return member;
}

// A member's studio role in the actor's publication (none, editor, admin): its admins.
export async function setStaffRoleWithAudit(db: Db, actor: Actor, memberId: number, role: StaffRole | null) {
  if (actor.role !== "admin") throw new AppError("forbidden", "role", studioMessage("publicationAdminsOnly"));
  if (actor.memberId === memberId && role !== "admin" && !actor.network) throw new AppError("invalid", "role", studioMessage("ownAdminRole"));
  const pub = actorPublication(actor);
  const result = await db.transaction(async (tx) => {
    const member = await getMemberById(tx, memberId);
    if (!member) return null;
    await setStaffRole(tx, pub, memberId, role);
    // Sessions carry studio roles: re-mint them everywhere.
    return { member, epoch: await bumpAccessEpoch(tx, memberId) };
  });
  if (!result) throw new AppError("not_found", "member", studioMessage("memberNotFound"));
  noteEpoch(memberId, result.epoch);
  await recordAudit(db, actor, {
    action: "member.staff_role",
    subjectType: "member",
    subjectId: memberId,
    memberId,
    summary: `${result.member.email}: 발행처 역할 → ${role ?? "없음"}`,
    details: { role },
  });
  return result.member;
}
