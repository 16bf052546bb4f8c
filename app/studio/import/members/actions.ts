"use server";

import { refresh } from "next/cache";
import { getDb } from "@/db/client";
import { queueAccountMovedNotices } from "@/lib/email/account-moved";
import { wakeEmailWorker } from "@/lib/email/runner";
import { runAction, type ActionResult } from "@/lib/studio/action-result";
import { requireStaffAction } from "@/lib/studio/guard";

// Admins decide when imported members hear from the publication (issue 22 item 5).
export async function notifyImportedMembersAction(): Promise<ActionResult<{ queued: number; accounts: number }>> {
  const actor = await requireStaffAction("admin");
  return runAction(async () => {
    const result = await queueAccountMovedNotices(await getDb(), actor, actor.publicationId);
    wakeEmailWorker();
    refresh();
    return result;
  });
}
