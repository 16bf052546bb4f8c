import "server-only";
import type { Db } from "@/db/client";
import { enqueueOncePerMember } from "@/db/queries/email";
import { ensureMember, getMemberByEmail, normalizeEmail } from "@/db/queries/members";
import { claimWelcome, joinPublication } from "@/db/queries/publication-members";
import { listTiers } from "@/db/queries/taxonomy";
import { isPaidTier } from "@/lib/access";
import { AppError } from "@/lib/http/errors";
import { dict } from "@/lib/i18n";
import { consumeLimit, limitRules } from "@/lib/rate-limit";
import { recordAudit } from "./audit";
import { resolvePresetEnd, type GrantPreset } from "./grant-presets";
import type { StudioActor } from "./guard";
import { grantWithAudit } from "./member-changes";

export type AddMemberInput = { email: string; tierSlug: string | null; preset: Exclude<GrantPreset, "custom">; note: string | null };

// Issue 20 item 13: "add member" for an address with no account yet. The member, their account at
// this publication, the optional complimentary grant and the invitation (email kind `invitation`,
// in the account's language, through the notices queue) — the invitation counts as the welcome.
export async function addMemberWithInvitation(db: Db, actor: StudioActor, input: AddMemberInput, now = new Date()) {
  const t = dict("ko").studioMembers.add;
  const email = normalizeEmail(input.email);
  if (await getMemberByEmail(db, email)) throw new AppError("conflict", "email", t.exists);
  let tier: { name: string; nameEn: string } | null = null;
  let endsAt: Date | null = null;
  if (input.tierSlug) {
    tier = (await listTiers(db, actor.publicationId)).find((x) => isPaidTier(x) && x.slug === input.tierSlug) ?? null;
    if (!tier) throw new AppError("invalid", "tier", t.paidTier);
    endsAt = resolvePresetEnd(input.preset, now, null);
  }
  // Per inviter (a CLI actor has no member: one budget for the CLI), counted only for an invitation
  // that would be sent: a known address or a wrong tier costs no slot.
  const limit = await consumeLimit(limitRules().invitation, String(actor.memberId ?? "cli"), now);
  if (!limit.ok) throw new AppError("rate_limited", "email", t.tooMany(Math.ceil(limit.retryAfterSeconds / 60)));
  const member = input.tierSlug
    ? (await grantWithAudit(db, actor, { email, tierSlug: input.tierSlug, startsAt: now, endsAt, source: "comp", note: input.note })).member
    : await ensureMember(db, email);
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await joinPublication(tx, { publicationId: actor.publicationId, memberId: member.id, source: "grant", at: now });
    // The grant may have made the account already; either way the invitation stands for the welcome.
    await claimWelcome(tx, actor.publicationId, member.id, now);
    await enqueueOncePerMember(tx, {
      publicationId: actor.publicationId,
      memberId: member.id,
      email,
      kind: "invitation",
      payload: { tierName: tier ? { ko: tier.name, en: tier.nameEn || tier.name } : null, endsAt: endsAt?.toISOString() ?? null },
    });
    await recordAudit(tx, actor, {
      action: "member.invite",
      subjectType: "member",
      subjectId: member.id,
      memberId: member.id,
      summary: `${email}: 회원 추가·초대 (invited)${input.tierSlug ? ` + ${input.tierSlug}` : ""}`,
      details: { tier: input.tierSlug, endsAt: endsAt?.toISOString() ?? null },
    });
  });
  return member;
}
