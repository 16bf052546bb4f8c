import type { Db } from "@/db/client";
import type { Role } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { grantAccess, revokeAccess, setRole, type GrantInput } from "@/lib/members/grants";
import { recordAudit, type Actor } from "./audit";

// Grant and role changes from the studio, the Admin API and the CLI. The epoch bump lives in
// lib/members/grants (so sessions re-mint); this adds who did it to the audit log.

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function grantWithAudit(db: Db, actor: Actor, input: Omit<GrantInput, "grantedBy">) {
  const result = await grantAccess(db, { ...input, grantedBy: actor.memberId });
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
  const grant = await revokeAccess(db, grantId, reason);
  if (!grant) throw new AppError("not_found", "grant", "No grant has this id.");
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

export async function setRoleWithAudit(db: Db, actor: Actor, memberId: number, role: Role) {
  if (actor.role !== "admin") throw new AppError("forbidden", "role", "Only admins change roles.");
  if (actor.memberId === memberId && role !== "admin") throw new AppError("invalid", "role", "You cannot remove your own admin role.");
  const member = await setRole(db, memberId, role);
  if (!member) throw new AppError("not_found", "member", "No member has this id.");
  await recordAudit(db, actor, { action: "member.role", subjectType: "member", subjectId: memberId, memberId, summary: `${member.email}: 역할 → ${role}`, details: { role } });
  return member;
}
