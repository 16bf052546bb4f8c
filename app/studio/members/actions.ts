"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getMemberById } from "@/db/queries/members";
import { getGrantById } from "@/db/queries/studio-members";
import { listTiers } from "@/db/queries/taxonomy";
import { roles, staffRoles } from "@/db/schema";
import { isPaidTier } from "@/lib/access";
import { AppError } from "@/lib/http/errors";
import { dict } from "@/lib/i18n";
import { runAction, type ActionResult } from "@/lib/studio/action-result";
import { addMemberWithInvitation } from "@/lib/studio/add-member";
import { grantPresets, resolvePresetEnd } from "@/lib/studio/grant-presets";
import { requireNetworkAdminAction, requireStaffAction } from "@/lib/studio/guard";
import { grantWithAudit, revokeWithAudit, setRoleWithAudit, setStaffRoleWithAudit } from "@/lib/studio/member-changes";

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const grantForm = z.object({
  tier: z.string().min(1, "등급을 고르세요."),
  startsAt: z.union([z.literal(""), instant]),
  preset: z.enum(grantPresets),
  endsAt: z.union([z.literal(""), instant]),
  note: z.string().max(500),
});
const text = (fd: FormData, k: string) => (typeof fd.get(k) === "string" ? String(fd.get(k)) : "");

// A complimentary grant from the studio. Editors and admins; the end is computed on the server
// from the preset, never taken from the client as-is.
export async function grantCompAction(memberId: number, _prev: ActionResult<{ id: number }> | null, fd: FormData): Promise<ActionResult<{ id: number }>> {
  const actor = await requireStaffAction("editor");
  return runAction(async () => {
    const db = await getDb();
    const member = await getMemberById(db, memberId);
    if (!member) throw new AppError("not_found", "member", "회원을 찾을 수 없습니다.");
    const input = grantForm.parse({
      tier: text(fd, "tier"),
      startsAt: text(fd, "startsAt"),
      preset: text(fd, "preset"),
      endsAt: text(fd, "endsAt"),
      note: text(fd, "note"),
    });
    const paid = (await listTiers(db, actor.publicationId)).filter(isPaidTier);
    if (!paid.some((t) => t.slug === input.tier)) throw new AppError("invalid", "tier", "유료 등급을 고르세요.");
    const startsAt = input.startsAt === "" ? new Date() : input.startsAt;
    const endsAt = resolvePresetEnd(input.preset, startsAt, input.endsAt === "" ? null : input.endsAt);
    const { grant } = await grantWithAudit(db, actor, {
      email: member.email,
      tierSlug: input.tier,
      startsAt,
      endsAt,
      source: "comp",
      note: input.note.trim() || null,
    });
    refresh();
    return { id: grant.id };
  });
}

// Editors revoke complimentary, trial and gift grants; a paid (Stripe) grant only an admin.
export async function revokeGrantAction(grantId: number): Promise<ActionResult<{ id: number }>> {
  const actor = await requireStaffAction("editor");
  const db = await getDb();
  const grant = await getGrantById(db, z.number().int().positive().parse(grantId));
  if (grant?.source === "stripe" && actor.role !== "admin") await requireStaffAction("admin");
  return runAction(async () => {
    const revoked = await revokeWithAudit(db, actor, grantId, `revoked in the studio by ${actor.label}`);
    refresh();
    return { id: revoked.id };
  });
}

// The network role (every publication): network admins only.
export async function setRoleAction(memberId: number, _prev: ActionResult<{ role: string }> | null, fd: FormData): Promise<ActionResult<{ role: string }>> {
  const actor = await requireNetworkAdminAction();
  return runAction(async () => {
    const role = z.enum(roles).parse(text(fd, "role"));
    const member = await setRoleWithAudit(await getDb(), actor, memberId, role);
    refresh();
    return { role: member.role };
  });
}

// The member's role in this publication's studio: its admins.
export async function setStaffRoleAction(
  memberId: number,
  _prev: ActionResult<{ role: string }> | null,
  fd: FormData,
): Promise<ActionResult<{ role: string }>> {
  const actor = await requireStaffAction("admin");
  return runAction(async () => {
    const choice = z.enum(["none", ...staffRoles]).parse(text(fd, "role"));
    await setStaffRoleWithAudit(await getDb(), actor, memberId, choice === "none" ? null : choice);
    refresh();
    return { role: choice };
  });
}

const addMemberForm = z.object({
  email: z.email(dict("ko").studioMembers.add.invalidEmail).max(320),
  tier: z.string().max(64),
  preset: z.enum(["7d", "30d", "90d", "1y", "lifetime"]),
  note: z.string().max(500),
});

// "Add member" for an address with no account yet: editors and admins, as complimentary grants.
export async function addMemberAction(
  _prev: ActionResult<{ id: number; email: string }> | null,
  fd: FormData,
): Promise<ActionResult<{ id: number; email: string }>> {
  const actor = await requireStaffAction("editor");
  return runAction(async () => {
    const input = addMemberForm.parse({ email: text(fd, "email").trim(), tier: text(fd, "tier"), preset: text(fd, "preset") || "30d", note: text(fd, "note") });
    const member = await addMemberWithInvitation(await getDb(), actor, {
      email: input.email,
      tierSlug: input.tier || null,
      preset: input.preset,
      note: input.note.trim() || null,
    });
    refresh();
    return { id: member.id, email: member.email };
  });
}
