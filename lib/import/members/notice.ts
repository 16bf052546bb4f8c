import type { Db } from "@/db/client";
import { listImportedAccounts } from "@/db/queries/member-import";

// Issue 22 item 5: imported members receive nothing until the publisher chooses. The import makes
// accounts already welcomed (no welcome notice) and queues no mail. When the publisher asks for the
// optional "your account moved" notice (email kind `account_moved`), the email work pages through
// the imported accounts with this and queues one notice each (dedupe key per publication and
// member, so asking twice sends once). Left to the email queue: the template, the studio button,
// suppressions and pacing.

export type MovedAccount = { memberId: number; email: string; joinedAt: Date };

/** Every account an import made at the publication, `pageSize` at a time in member id order. */
export async function* importedAccountsForNotice(db: Db, publicationId: number, pageSize = 1000): AsyncGenerator<MovedAccount[]> {
  let after = 0;
  for (;;) {
    const page = await listImportedAccounts(db, publicationId, after, pageSize);
    if (!page.length) return;
    yield page;
    after = page[page.length - 1].memberId;
  }
}
