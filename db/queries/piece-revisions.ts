import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { articles, members, piecePreviewKeys, pieceRevisions, type Article, type PieceRevision } from "../schema";

type Tx = Pick<Db, "insert" | "select" | "update">;

// Called inside the transaction that saves the piece, so every save leaves its revision.
export async function insertRevision(db: Tx, row: Pick<Article, "id" | "title" | "body" | "dek">, editorMemberId: number | null): Promise<PieceRevision> {
  const [rev] = await db.insert(pieceRevisions).values({ articleId: row.id, title: row.title, body: row.body, dek: row.dek, editorMemberId }).returning();
  return rev;
}

export type RevisionSummary = { id: number; title: string; createdAt: Date; editorEmail: string | null; bodyLength: number };

// Newest first, scoped to the publication so a studio never lists another's history.
export async function listRevisions(db: Db, publicationId: number, articleId: number, limit = 50): Promise<RevisionSummary[]> {
  return db
    .select({
      id: pieceRevisions.id,
      title: pieceRevisions.title,
      createdAt: pieceRevisions.createdAt,
      editorEmail: members.email,
      bodyLength: sql<number>`length(${pieceRevisions.body})::int`,
    })
    .from(pieceRevisions)
    .innerJoin(articles, eq(articles.id, pieceRevisions.articleId))
    .leftJoin(members, eq(members.id, pieceRevisions.editorMemberId))
    .where(and(eq(articles.publicationId, publicationId), eq(pieceRevisions.articleId, articleId)))
    .orderBy(desc(pieceRevisions.id))
    .limit(limit);
}

export async function getRevision(db: Db, publicationId: number, articleId: number, revisionId: number): Promise<PieceRevision | null> {
  const [row] = await db
    .select({ revision: pieceRevisions })
    .from(pieceRevisions)
    .innerJoin(articles, eq(articles.id, pieceRevisions.articleId))
    .where(and(eq(articles.publicationId, publicationId), eq(pieceRevisions.articleId, articleId), eq(pieceRevisions.id, revisionId)))
    .limit(1);
  return row?.revision ?? null;
}

/** The piece's preview-link generation (0 until an editor first revokes). */
export async function getPreviewGeneration(db: Db, articleId: number): Promise<number> {
  const [row] = await db.select({ generation: piecePreviewKeys.generation }).from(piecePreviewKeys).where(eq(piecePreviewKeys.articleId, articleId)).limit(1);
  return row?.generation ?? 0;
}

// One statement, so two editors revoking at once both move the counter.
export async function bumpPreviewGeneration(db: Tx, articleId: number): Promise<number> {
  const [row] = await db
    .insert(piecePreviewKeys)
    .values({ articleId, generation: 1 })
    .onConflictDoUpdate({ target: piecePreviewKeys.articleId, set: { generation: sql`${piecePreviewKeys.generation} + 1`, updatedAt: new Date() } })
    .returning({ generation: piecePreviewKeys.generation });
  return row.generation;
}
