import "server-only";
import { getComment, insertReport } from "@/db/queries/comments";
import { consumeLimit, limitRules } from "@/lib/rate-limit";
import { loadDiscussion, type CommentCtx } from "./discussion";
import { CommentApiError, notFoundError, postRightError, signedOutError } from "./errors";
import { reportCommentInput } from "./input";

// Any signed-in reader of the piece may report a visible comment by someone else, once: a repeat
// is answered 200 with alreadyReported (idempotent for double clicks), a first report 201.
export async function reportComment(
  ctx: CommentCtx,
  slug: string,
  id: number | null,
  readInput: () => Promise<unknown>,
): Promise<{ reported: true; alreadyReported: boolean }> {
  if (!ctx.viewer.signedIn) throw signedOutError();
  const member = ctx.viewer.member;
  const d = await loadDiscussion(ctx, slug);
  if (!d.readable) throw postRightError({ ok: false, reason: "read" });
  const row = id === null ? null : await getComment(ctx.db, id);
  if (!row || row.articleId !== d.target.id || row.deletedAt || row.hiddenAt) throw notFoundError("comment");
  if (row.memberId === member.id) throw new CommentApiError("forbidden", "report", "You cannot report your own comment.", { reason: "own" });
  const { reason } = reportCommentInput.parse(await readInput());
  const limit = await consumeLimit(limitRules().commentReport, String(member.id), ctx.now);
  if (!limit.ok) {
    const s = limit.retryAfterSeconds;
    throw new CommentApiError("rate_limited", "report", `Too many reports. Try again in ${s} seconds.`, { retryAfterSeconds: s }, { "Retry-After": String(s) });
  }
  const first = await insertReport(ctx.db, { commentId: row.id, memberId: member.id, reason: reason || null, at: ctx.now });
  return { reported: true, alreadyReported: !first };
}
