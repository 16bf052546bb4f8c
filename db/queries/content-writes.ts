import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { insertRevision } from "./piece-revisions";
import { articleAuthors, articles, articleTags, authors, sections, tags, tiers, type Article, type NewArticle } from "../schema";

type TierInput = typeof tiers.$inferInsert;
type AuthorInput = typeof authors.$inferInsert;
type SectionInput = typeof sections.$inferInsert;

// Insert, or on the (publication, slug) key overwrite with the input: seeds and imports run again
// without duplicating rows.
const bySlugTables = { tier: tiers, author: authors, section: sections };

async function upsertBySlug<K extends keyof typeof bySlugTables>(db: Db, kind: K, input: (typeof bySlugTables)[K]["$inferInsert"]) {
  // Typed as one of the three for drizzle's builder: each has a (publication_id, slug) unique key.
  const t = bySlugTables[kind] as typeof sections;
  const values = input as SectionInput;
  const [row] = await db
    .insert(t)
    .values(values)
    .onConflictDoUpdate({ target: [t.publicationId, t.slug], set: { ...values } })
    .returning();
  return row as unknown as (typeof bySlugTables)[K]["$inferSelect"];
}

export const upsertTier = (db: Db, input: TierInput) => upsertBySlug(db, "tier", input);
export const upsertAuthor = (db: Db, input: AuthorInput) => upsertBySlug(db, "author", input);
export const upsertSection = (db: Db, input: SectionInput) => upsertBySlug(db, "section", input);

export async function upsertTag(db: Db, publicationId: number, slug: string, name: string) {
  const [row] = await db
    .insert(tags)
    .values({ publicationId, slug, name })
    .onConflictDoUpdate({ target: [tags.publicationId, tags.slug], set: { name: sql`${tags.name}` } })
    .returning();
  return row;
}

export type ArticleWrite = NewArticle & { authorIds: number[]; tagIds: number[] };

// Writes a piece with its byline and tags in one transaction, so a reader never sees a piece
// without its authors.
export async function upsertArticle(db: Db, input: ArticleWrite) {
  const { authorIds, tagIds, ...values } = input;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(articles)
      .values(values)
      .onConflictDoUpdate({ target: [articles.publicationId, articles.slug], set: { ...values, updatedAt: values.updatedAt ?? new Date() } })
      .returning();
    await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, row.id));
    await tx.delete(articleTags).where(eq(articleTags.articleId, row.id));
    if (authorIds.length) {
      await tx.insert(articleAuthors).values(authorIds.map((authorId, position) => ({ articleId: row.id, authorId, position })));
    }
    if (tagIds.length) await tx.insert(articleTags).values(tagIds.map((tagId) => ({ articleId: row.id, tagId })));
    await insertRevision(tx, row, null);
    return row;
  });
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

// Creates (id null) or updates a piece by id with its byline and tags in one transaction. Unlike
// upsertArticle it can change a slug, and never silently overwrites another piece with the same
// slug (the unique index makes that a conflict). `after` runs in the same transaction, e.g. to
// write the audit entry, so the change and its record commit together. Every save also records a
// revision of the content (piece_revisions) here, so no entry point can skip the history.
export async function saveArticle(
  db: Db,
  id: number | null,
  input: ArticleWrite,
  after?: (tx: Tx, row: Article) => Promise<void>,
  editorMemberId: number | null = null,
): Promise<Article> {
  const { authorIds, tagIds, ...values } = input;
  return db.transaction(async (tx) => {
    const [row] =
      id === null
        ? await tx.insert(articles).values(values).returning()
        : await tx
            .update(articles)
            .set({ ...values, updatedAt: values.updatedAt ?? new Date() })
            .where(eq(articles.id, id))
            .returning();
    if (!row) throw new Error(`no article ${id}`);
    await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, row.id));
    await tx.delete(articleTags).where(eq(articleTags.articleId, row.id));
    if (authorIds.length) {
      await tx.insert(articleAuthors).values(authorIds.map((authorId, position) => ({ articleId: row.id, authorId, position })));
    }
    if (tagIds.length) await tx.insert(articleTags).values([...new Set(tagIds)].map((tagId) => ({ articleId: row.id, tagId })));
    await insertRevision(tx, row, editorMemberId);
    if (after) await after(tx, row);
    return row;
  });
}

export async function deleteArticle(db: Db, id: number, after?: (tx: Tx, row: Article) => Promise<void>): Promise<Article | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(articles).where(eq(articles.id, id)).returning();
    if (row && after) await after(tx, row);
    return row ?? null;
  });
}

export async function countArticles(db: Db, publicationId?: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(articles)
    .where(publicationId === undefined ? undefined : eq(articles.publicationId, publicationId));
  return row.n;
}
