import { and, desc, eq, gt, ilike, inArray, isNotNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { attachRelations, type ArticleRow } from "./articles";
import { articleAuthors, articles, articleTags, authors, tags } from "../schema";

// The studio sees the same shape as the reader queries (any status, though).
export type StudioArticle = ArticleRow;

// A piece by id within one publication: the studio and the Admin API never reach another's pieces.
export async function getStudioArticle(db: Db, publicationId: number, id: number): Promise<StudioArticle | null> {
  const rows = await db
    .select()
    .from(articles)
    .where(and(eq(articles.publicationId, publicationId), eq(articles.id, id)))
    .limit(1);
  return (await attachRelations(db, rows))[0] ?? null;
}

export async function getArticleIdBySlug(db: Db, publicationId: number, slug: string): Promise<number | null> {
  const [row] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.publicationId, publicationId), eq(articles.slug, slug)))
    .limit(1);
  return row?.id ?? null;
}

export async function getArticleSlugById(db: Db, id: number): Promise<string | null> {
  const [row] = await db.select({ slug: articles.slug }).from(articles).where(eq(articles.id, id)).limit(1);
  return row?.slug ?? null;
}

export type StudioArticleFilter = {
  status?: "draft" | "scheduled" | "published";
  sectionId?: number;
  access?: string;
  authorId?: number;
  q?: string;
};

// Studio filters use the *effective* status: a scheduled piece whose instant has passed is live.
export async function listStudioArticles(db: Db, publicationId: number, filter: StudioArticleFilter, now: Date, limit = 50, offset = 0) {
  const conds: SQL[] = [eq(articles.publicationId, publicationId)];
  const live = and(ne(articles.status, "draft"), lte(articles.publishAt, now))!;
  if (filter.status === "draft") conds.push(eq(articles.status, "draft"));
  if (filter.status === "published") conds.push(live);
  if (filter.status === "scheduled") conds.push(and(ne(articles.status, "draft"), or(gt(articles.publishAt, now), sql`${articles.publishAt} is null`))!);
  if (filter.sectionId !== undefined) conds.push(eq(articles.sectionId, filter.sectionId));
  if (filter.access) conds.push(eq(articles.access, filter.access));
  if (filter.q) conds.push(or(ilike(articles.title, `%${filter.q.replace(/[\\%_]/g, "\\$&")}%`), eq(articles.slug, filter.q))!);
  if (filter.authorId !== undefined) {
    conds.push(inArray(articles.id, db.select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.authorId, filter.authorId))));
  }
  const rows = await db
    .select()
    .from(articles)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(sql`coalesce(${articles.publishAt}, ${articles.updatedAt})`), desc(articles.id))
    .limit(limit)
    .offset(offset);
  return attachRelations(db, rows);
}

// Pieces whose visible state changes at an instant: a scheduled publication, or a time-based
// unlock of a gated piece. Drafts never change on their own.
const publishes = and(ne(articles.status, "draft"), isNotNull(articles.publishAt))!;
const unlocks = and(ne(articles.status, "draft"), ne(articles.access, "public"), isNotNull(articles.unlockAt))!;

export async function getNextContentChange(db: Db, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({
      at: sql<Date | string | null>`least(
        min(${articles.publishAt}) filter (where ${publishes} and ${articles.publishAt} > ${now}),
        min(${articles.unlockAt}) filter (where ${unlocks} and ${articles.unlockAt} > ${now}))`,
    })
    .from(articles);
  return row?.at ? new Date(row.at) : null;
}

// Pieces whose publication or unlock instant lies in (since, until]: `published` when it is their
// publication (they join related lists), with the groups that decide those lists.
export type ContentChangeRow = { publicationId: number; slug: string; published: boolean; sectionId: number | null; tagIds: number[] };
export async function listContentChangesBetween(db: Db, since: Date, until: Date): Promise<ContentChangeRow[]> {
  const publishedIn = and(publishes, gt(articles.publishAt, since), lte(articles.publishAt, until))!;
  const rows = await db
    .select({
      publicationId: articles.publicationId,
      slug: articles.slug,
      published: sql<boolean>`(${publishedIn})`,
      sectionId: articles.sectionId,
      tagIds: sql<number[]>`coalesce((select array_agg(${articleTags.tagId}) from ${articleTags} where ${articleTags.articleId} = ${articles.id}), '{}')`,
    })
    .from(articles)
    .where(or(publishedIn, and(unlocks, gt(articles.unlockAt, since), lte(articles.unlockAt, until))));
  return rows.map((r) => ({ ...r, published: r.published === true, tagIds: (r.tagIds ?? []).map(Number) }));
}

export async function listAuthorsWhere(db: Db, publicationId: number, by: { emails?: string[]; slugs?: string[]; ids?: number[] }) {
  const conds: SQL[] = [];
  if (by.emails?.length)
    conds.push(
      inArray(
        sql`lower(${authors.email})`,
        by.emails.map((e) => e.toLowerCase()),
      ),
    );
  if (by.slugs?.length) conds.push(inArray(authors.slug, by.slugs));
  if (by.ids?.length) conds.push(inArray(authors.id, by.ids));
  if (!conds.length) return [];
  return db
    .select()
    .from(authors)
    .where(and(eq(authors.publicationId, publicationId), or(...conds)));
}

export async function findTagsBySlugOrName(db: Db, publicationId: number, values: string[]) {
  if (!values.length) return [];
  return db
    .select()
    .from(tags)
    .where(and(eq(tags.publicationId, publicationId), or(inArray(tags.slug, values), inArray(tags.name, values))));
}

// Every stored piece's slug with its publication, whatever its status (lib/routing/known-articles.ts).
export async function listAllArticleSlugs(db: Db): Promise<{ publicationId: number; slug: string }[]> {
  return db.select({ publicationId: articles.publicationId, slug: articles.slug }).from(articles);
}
