import "server-only";
import type { Db } from "@/db/client";
import { enqueueOncePerMember } from "@/db/queries/email";
import { claimWelcome, joinPublication } from "@/db/queries/publication-members";

// A sign-in on a publication's host: the member has an account there from now on (they receive
// its newsletter unless they unsubscribe), and the first sign-in there queues the welcome notice.
// Never fails the sign-in: mail is a courtesy, access is not.
export async function noteSignIn(db: Db, publicationId: number, member: { id: number; email: string }, at = new Date()): Promise<void> {
  try {
    await db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await joinPublication(tx, { publicationId, memberId: member.id, source: "signin", at });
      if (await claimWelcome(tx, publicationId, member.id, at)) {
        await enqueueOncePerMember(tx, { publicationId, memberId: member.id, email: member.email, kind: "welcome" });
      }
    });
  } catch (err) {
    console.error("[email] could not record the sign-in's account:", err instanceof Error ? err.message : String(err));
  }
}
