import "server-only";
import { getComment, insertComment, resolveReports, softDeleteComment, updateCommentBody } from "@/db/queries/comments";
import type { Comment } from "@/db/schema";
import { queueReplyNotice } from "@/lib/email/reply-notice";
import { isStaff } from "@/lib/auth/viewer";
import { consumeLimit, limitRules } from "@/lib/rate-limit";
import { invalidateComments, toCachedComment } from "./cache";
import { loadDiscussion, type CommentCtx, type Discussion } from "./discussion";
import { CommentApiError, notFoundError, postRightError, signedOutError } from "./errors";
import { createCommentInput, editCommentInput, requireCommentBody } from "./input";
import { checkReplyTarget, editableUntil, isWithinEditWindow } from "./rules";
import { ANONYMOUS_AUTHOR, toCommentView } from "./thread";
import type { CommentView } from "./types";

// Member-side writes. Every function re-checks who is asking (never the proxy's word), in the
// order that gives the most useful answer: 401 → 404 → 403 → 422 → 429. The request body is
// read only once the caller is known to be allowed, so a refused caller never gets a 400/422.

function signedInMember(ctx: CommentCtx) {
  if (!ctx.viewer.signedIn) throw signedOutError();
  return ctx.viewer.member;
}

function ownView(ctx: CommentCtx, d: Discussion, row: Comment): CommentView {
  const member = signedInMember(ctx);
  const cached = toCachedComment({ ...row, displayName: member.displayName });
  return toCommentView(
    cached,
    { memberId: member.id, reportedIds: new Set(), canEdit: d.right.ok, anonymousName: ANONYMOUS_AUTHOR[ctx.locale ?? "ko"] },
    d.tiers,
    ctx.now,
  );
}

async function requireComment(ctx: CommentCtx, d: Discussion, id: number | null): Promise<Comment> {
  const row = id === null ? null : await getComment(ctx.db, id);
  if (!row || row.articleId !== d.target.id || row.deletedAt) throw notFoundError("comment");
  return row;
}

export async function createComment(ctx: CommentCtx, slug: string, readInput: () => Promise<unknown>): Promise<CommentView> {
  const member = signedInMember(ctx);
  const d = await loadDiscussion(ctx, slug);
  if (!d.right.ok) throw postRightError(d.right);
  const input = createCommentInput.parse(await readInput());
  const body = requireCommentBody(input.body);
  const parentId = input.parentId ?? null;
  const parent = parentId === null ? null : await getComment(ctx.db, parentId);
  if (parentId !== null) {
    const check = checkReplyTarget(parent, d.target.id);
    if (!check.ok) throw new CommentApiError("invalid", "parent", check.message);
  }
  // Counted only for comments that would be stored, so a typo does not cost a slot.
  const limit = await consumeLimit(limitRules().comment, String(member.id), ctx.now);
  if (!limit.ok) {
    const s = limit.retryAfterSeconds;
    throw new CommentApiError(
      "rate_limited",
      "comment",
      `Too many comments. Try again in ${s} seconds.`,
      { retryAfterSeconds: s },
      { "Retry-After": String(s) },
    );
  }
  const row = await insertComment(ctx.db, {
    articleId: d.target.id,
    memberId: member.id,
    parentId,
    body,
    tierSlug: ctx.viewer.access.tier.slug,
    createdAt: ctx.now,
  });
  invalidateComments(ctx.publicationId, slug);
  if (parent) await queueReplyNotice(ctx.db, row, parent, member);
  return ownView(ctx, d, row);
}

export async function editComment(ctx: CommentCtx, slug: string, id: number | null, readInput: () => Promise<unknown>): Promise<CommentView> {
  const member = signedInMember(ctx);
  const d = await loadDiscussion(ctx, slug);
  const row = await requireComment(ctx, d, id);
  if (row.hiddenAt) throw notFoundError("comment");
  if (row.memberId !== member.id) throw new CommentApiError("forbidden", "comment", "You can only edit your own comments.", { reason: "not_author" });
  if (!d.right.ok) throw postRightError(d.right);
  if (!isWithinEditWindow(row.createdAt, ctx.now)) {
    const until = editableUntil(row.createdAt).toISOString();
    throw new CommentApiError("forbidden", "comment", "Comments can only be edited for 15 minutes after posting.", {
      reason: "edit_window",
      editableUntil: until,
    });
  }
  const body = requireCommentBody(editCommentInput.parse(await readInput()).body);
  const updated = await updateCommentBody(ctx.db, row.id, body, ctx.now);
  if (!updated) throw notFoundError("comment");
  invalidateComments(ctx.publicationId, slug);
  return ownView(ctx, d, updated);
}

// Authors delete their own comments at any time (even when banned: removing is always allowed);
// staff may delete any, which also settles its open reports.
export async function deleteComment(ctx: CommentCtx, slug: string, id: number | null): Promise<{ id: number; state: "deleted" }> {
  const member = signedInMember(ctx);
  const d = await loadDiscussion(ctx, slug);
  const row = await requireComment(ctx, d, id);
  const own = row.memberId === member.id;
  if (!own && !isStaff(ctx.viewer)) throw new CommentApiError("forbidden", "comment", "You can only delete your own comments.", { reason: "not_author" });
  await softDeleteComment(ctx.db, row.id, member.id, ctx.now);
  if (!own) await resolveReports(ctx.db, row.id, ctx.now);
  invalidateComments(ctx.publicationId, slug);
  return { id: row.id, state: "deleted" };
}
