import type { Db } from "@/db/client";
import { claimEmailChange, insertEmailChange, isEmailTaken, setMemberEmail } from "@/db/queries/account";
import { bumpAccessEpoch, getMemberById, normalizeEmail } from "@/db/queries/members";
import type { Member } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { recordAudit } from "@/lib/studio/audit";
import { EMAIL_CHANGE_TTL_MS, hashEmailChangeToken, newEmailChangeToken } from "./email-change-rules";

// The mails this flow sends; the running app renders them in the member's language.
export type EmailChangeMailer = {
  confirmNewAddress: (to: string, confirmPath: string) => Promise<void>;
  notifyOldAddress: (to: string, newEmail: string) => Promise<void>;
};

const selfActor = (member: Pick<Member, "id">, publicationId: number | null) => ({
  memberId: member.id,
  label: `member:${member.id}`,
  role: "editor" as const,
  publicationId,
  network: false,
});

/** Starts a change: 409 when the address belongs to an account already (this one included). */
export async function requestEmailChange(db: Db, member: Member, newEmailRaw: string, mail: EmailChangeMailer, now: Date): Promise<{ expiresAt: Date }> {
  const newEmail = normalizeEmail(newEmailRaw);
  if (newEmail === member.email || (await isEmailTaken(db, newEmail))) throw new AppError("conflict", "email", "This address already belongs to an account.");
  const { token, tokenHash } = newEmailChangeToken();
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_TTL_MS);
  await insertEmailChange(db, { memberId: member.id, newEmail, tokenHash, expiresAt });
  await mail.confirmNewAddress(newEmail, `/account/email/confirm?token=${encodeURIComponent(token)}`);
  return { expiresAt };
}

/**
 * Applies a change from its link (the confirm page's POST, never a GET: mail scanners open links).
 * The claim and the address change commit together; the old address is told afterwards.
 */
export async function confirmEmailChange(
  db: Db,
  token: string,
  mail: EmailChangeMailer,
  now: Date,
  publicationId: number | null = null,
): Promise<{ memberId: number; email: string }> {
  const tokenHash = hashEmailChangeToken(token);
  const done = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const change = await claimEmailChange(tx, tokenHash, now);
    if (!change) throw new AppError("not_found", "email_change", "This link is not valid any more.");
    const before = await getMemberById(tx, change.memberId);
    if (!before || before.deletedAt) throw new AppError("not_found", "email_change", "This link is not valid any more.");
    // Another account may have taken the address since the link was sent.
    if (await isEmailTaken(tx, change.newEmail)) throw new AppError("conflict", "email", "This address already belongs to an account.");
    const member = await setMemberEmail(tx, change.memberId, change.newEmail, now);
    if (!member) throw new AppError("not_found", "email_change", "This link is not valid any more.");
    // Sessions carry the address: re-derive them.
    await bumpAccessEpoch(tx, member.id);
    await recordAudit(tx, selfActor(member, publicationId), {
      action: "member.email_change",
      subjectType: "member",
      subjectId: member.id,
      memberId: member.id,
      summary: "회원이 이메일 주소를 바꿈",
      details: {},
    });
    return { memberId: member.id, email: member.email, oldEmail: before.email };
  });
  await mail.notifyOldAddress(done.oldEmail, done.email);
  return { memberId: done.memberId, email: done.email };
}
