import "server-only";
import type { Db } from "@/db/client";
import { enqueueOncePerMember } from "@/db/queries/email";
import { importedAccountsForNotice } from "@/lib/import/members/notice";
import { recordAudit, type Actor } from "@/lib/studio/audit";

// Issue 22 item 5: imported members are sent nothing until the publisher chooses; this is the
// choice. One "your account moved" notice per imported account of the publication, keyed per
// (publication, member): asking again (or after a later import) queues only the new ones.
export async function queueAccountMovedNotices(db: Db, actor: Actor, publicationId: number): Promise<{ queued: number; accounts: number }> {
  let queued = 0;
  let accounts = 0;
  for await (const page of importedAccountsForNotice(db, publicationId)) {
    await db.transaction(async (t) => {
      const tx = t as unknown as Db;
      for (const a of page) {
        accounts++;
        if (await enqueueOncePerMember(tx, { publicationId, memberId: a.memberId, email: a.email, kind: "account_moved" })) queued++;
      }
    });
  }
  await recordAudit(db, actor, {
    action: "email.account_moved",
    subjectType: "publication",
    subjectId: publicationId,
    publicationId,
    summary: `이전 회원 안내 메일 ${queued}건 예약 (가져온 계정 ${accounts}개)`,
    details: { queued, accounts },
  });
  return { queued, accounts };
}
