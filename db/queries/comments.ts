import { and, asc, count, desc, eq, inArray, isNotNull, isNull, max, sql } from "drizzle-orm";
import type { Db } from "../client";
import { articles, commentBans, commentReports, comments, members, type Comment, type CommentBanRow, type NewComment } from "../schema";
import { liveAt } from "./articles";

// Loads and stores comments, reports and bans. Access decisions live in lib/comments.
type Tx = Pick<Db, "select" | "insert" | "update" | "delete" | "execute">;

// Enough for any real discussion; a runaway thread cannot make one request unbounded.
export const MAX_THREAD_ROWS = 2000;

export type CommentTarget = { id: number; publicationId: number; slug: string; access: string; unlockAt: Date | null };

/** The live piece a discussion belongs to (drafts and scheduled pieces have none yet). */
export async function getCommentTarget(db: Tx, publicationId: number, slug: string, now: Date): Promise<CommentTarget | null> {
  const [row] = await db
    .select({ id: articles.id, publicationId: articles.publicationId, slug: articles.slug, access: articles.access, unlockAt: articles.unlockAt })
    .from(articles)
    .where(and(eq(articles.publicationId, publicationId), eq(articles.slug, slug), liveAt(now)))
    .limit(1);
  return row ?? null;
}

export async function insertComment(db: Tx, values: NewComment): Promise<Comment> {
  const [row] = await db.insert(comments).values(values).returning();
  return row;
}

export async function getComment(db: Tx, id: number): Promise<Comment | null> {
  const [row] = await db.select().from(comments).where(eq(comments.id, id)).limit(1);
  return row ?? null;
}

// The author's chosen display name only: never their email or account name (both private).
export type ThreadRow = Comment & { displayName: string | null };

export async function listArticleComments(db: Tx, articleId: number): Promise<ThreadRow[]> {
  const rows = await db
    .select({ comment: comments, displayName: members.displayName })
    .from(comments)
    .innerJoin(members, eq(members.id, comments.memberId))
    .where(eq(comments.articleId, articleId))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(MAX_THREAD_ROWS);
  return rows.map((r) => ({ ...r.comment, displayName: r.displayName }));
}

export async function updateCommentBody(db: Tx, id: number, body: string, at: Date): Promise<Comment | null> {
  const [row] = await db
    .update(comments)
    .set({ body, editedAt: at })
    .where(and(eq(comments.id, id), isNull(comments.deletedAt)))
    .returning();
  return row ?? null;
}

export async function softDeleteComment(db: Tx, id: number, by: number, at: Date): Promise<Comment | null> {
  const [row] = await db
    .update(comments)
    .set({ deletedAt: at, deletedBy: by })
    .where(and(eq(comments.id, id), isNull(comments.deletedAt)))
    .returning();
  return row ?? null;
}

export async function setCommentHidden(db: Tx, id: number, hidden: boolean, by: number, at: Date): Promise<Comment | null> {
  const [row] = await db
    .update(comments)
    .set(hidden ? { hiddenAt: at, hiddenBy: by } : { hiddenAt: null, hiddenBy: null })
    .where(eq(comments.id, id))
    .returning();
  return row ?? null;
}

/** True when this member had not reported the comment before. */
export async function insertReport(db: Tx, report: { commentId: number; memberId: number; reason: string | null; at: Date }): Promise<boolean> {
  const rows = await db
    .insert(commentReports)
    .values({ commentId: report.commentId, memberId: report.memberId, reason: report.reason, createdAt: report.at })
    .onConflictDoNothing()
    .returning({ commentId: commentReports.commentId });
  return rows.length > 0;
}

export async function listReportedCommentIds(db: Tx, articleId: number, memberId: number): Promise<number[]> {
  const rows = await db
    .select({ id: commentReports.commentId })
    .from(commentReports)
    .innerJoin(comments, eq(comments.id, commentReports.commentId))
    .where(and(eq(comments.articleId, articleId), eq(commentReports.memberId, memberId)));
  return rows.map((r) => r.id);
}

export async function resolveReports(db: Tx, commentId: number, at: Date): Promise<void> {
  await db
    .update(commentReports)
    .set({ resolvedAt: at })
    .where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolvedAt)));
}

/** Bans in a publication not lifted by a moderator, expired or not: whether one is in force is a pure rule. */
export async function listOpenBans(db: Tx, publicationId: number, memberIds: number[]): Promise<CommentBanRow[]> {
  if (memberIds.length === 0) return [];
  return db
    .select()
    .from(commentBans)
    .where(and(eq(commentBans.publicationId, publicationId), inArray(commentBans.memberId, memberIds), isNull(commentBans.liftedAt)))
    .orderBy(desc(commentBans.createdAt));
}

export async function insertBan(
  db: Tx,
  ban: { publicationId: number; memberId: number; until: Date | null; reason: string; createdBy: number; at: Date },
): Promise<CommentBanRow> {
  const [row] = await db
    .insert(commentBans)
    .values({ publicationId: ban.publicationId, memberId: ban.memberId, until: ban.until, reason: ban.reason, createdBy: ban.createdBy, createdAt: ban.at })
    .returning();
  return row;
}

export async function liftBans(db: Tx, publicationId: number, memberId: number, by: number, at: Date): Promise<number> {
  const rows = await db
    .update(commentBans)
    .set({ liftedAt: at, liftedBy: by })
    .where(and(eq(commentBans.publicationId, publicationId), eq(commentBans.memberId, memberId), isNull(commentBans.liftedAt)))
    .returning({ id: commentBans.id });
  return rows.length;
}

export type QueueRow = Comment & {
  articleSlug: string;
  articleTitle: string;
  authorEmail: string;
  authorName: string | null;
  openReports: number;
  lastReportAt: Date | null;
};

// The moderation queue: the newest comments, or those with unresolved reports (most recently
// reported first). Removed comments stay listed so a moderator can see and undo what was done.
export async function listModerationQueue(db: Tx, publicationId: number, view: "recent" | "reported", limit = 100): Promise<QueueRow[]> {
  const open = db
    .select({ commentId: commentReports.commentId, n: count().as("n"), last: max(commentReports.createdAt).as("last") })
    .from(commentReports)
    .where(isNull(commentReports.resolvedAt))
    .groupBy(commentReports.commentId)
    .as("open_reports");
  const rows = await db
    .select({
      comment: comments,
      articleSlug: articles.slug,
      articleTitle: articles.title,
      authorEmail: members.email,
      authorName: members.name,
      n: open.n,
      last: open.last,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .innerJoin(members, eq(members.id, comments.memberId))
    .leftJoin(open, eq(open.commentId, comments.id))
    .where(and(eq(articles.publicationId, publicationId), view === "reported" ? isNotNull(open.n) : sql`true`))
    .orderBy(view === "reported" ? desc(open.last) : desc(comments.createdAt), desc(comments.id))
    .limit(limit);
  return rows.map((r) => ({
    ...r.comment,
    articleSlug: r.articleSlug,
    articleTitle: r.articleTitle,
    authorEmail: r.authorEmail,
    authorName: r.authorName,
    openReports: Number(r.n ?? 0),
    lastReportAt: r.last ? new Date(r.last) : null,
  }));
}
