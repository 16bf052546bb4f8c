"use server";

import { refresh } from "next/cache";
import { getDb } from "@/db/client";
import { suppressAddress, unsuppressAddress } from "@/db/queries/email";
import { emailSchema } from "@/lib/auth/email";
import { AppError } from "@/lib/http/errors";
import { runAction, type ActionResult } from "@/lib/studio/action-result";
import { recordAudit } from "@/lib/studio/audit";
import { requireStaffAction } from "@/lib/studio/guard";

// Admins stop or restart all mail to an address (a complaint by phone, a fixed mailbox). Suppression
// is install-wide: it is a fact about the address, not about one publication.
export async function suppressAction(_prev: ActionResult<{ email: string }> | null, fd: FormData): Promise<ActionResult<{ email: string }>> {
  const actor = await requireStaffAction("admin");
  return runAction(async () => {
    const parsed = emailSchema.safeParse(String(fd.get("email") ?? ""));
    if (!parsed.success) throw new AppError("invalid", "email", "올바른 이메일 주소를 입력하세요 (a valid email address).");
    const email = parsed.data.toLowerCase();
    const db = await getDb();
    const added = await suppressAddress(db, email, "admin", String(fd.get("note") ?? "").slice(0, 200) || null);
    if (!added) throw new AppError("conflict", "email", "이미 발송이 중지된 주소입니다 (already suppressed).");
    await recordAudit(db, actor, { action: "email.suppress", subjectType: "email", subjectId: email, summary: `메일 발송 중지: ${email}`, details: { email } });
    refresh();
    return { email };
  });
}

export async function unsuppressAction(email: string): Promise<ActionResult<{ email: string }>> {
  const actor = await requireStaffAction("admin");
  return runAction(async () => {
    const db = await getDb();
    if (!(await unsuppressAddress(db, email))) throw new AppError("not_found", "email", "발송 중지 목록에 없는 주소입니다.");
    await recordAudit(db, actor, {
      action: "email.unsuppress",
      subjectType: "email",
      subjectId: email,
      summary: `메일 발송 재개: ${email}`,
      details: { email },
    });
    refresh();
    return { email };
  });
}
