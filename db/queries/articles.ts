import { and, asc, desc, eq, inArray, lte, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { articleAuthors, articles, articleTags, authors, sections, tags, type Article, type Author, type Section, type Tag } from "../schema";

export type ArticleRow = Article & { section: Section | null; authors: Author[]; tags: Tag[] };

// A piece is live once it is not a draft and its publish instant has passed; scheduled pieces
// therefore appear at publishAt without any job flipping their status.
export function liveAt(now: Date): SQL {
  return and(ne(articles.status, "draft"), lte(articles.publishAt, now))!;
}

// Loads the byline, tags and section of a set of pieces (three queries, whatever the set size).
export async function attachRelations(db: Db, rows: Article[]): Promise<ArticleRow[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const sectionIds = [...new Set(rows.map((r) => r.sectionId).filter((id): id is number => id !== null))];
  const [authorLinks, tagLinks, sectionRows] = await Promise.all([
    db
      .select({ articleId: articleAuthors.articleId, author: authors })
      .from(articleAuthors)
      .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
      .where(inArray(articleAuthors.articleId, ids))
      .orderBy(asc(articleAuthors.position)),
    db
      .select({ articleId: articleTags.articleId, tag: tags })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(inArray(articleTags.articleId, ids))
      .orderBy(asc(tags.name)),
    sectionIds.length ? db.select().from(sections).where(inArray(sections.id, sectionIds)) : Promise.resolve([]),
  ]);
  const sectionById = new Map(sectionRows.map((s) => [s.id, s]));
  return rows.map((r) => ({
    ...r,
    section: r.sectionId === null ? null : (sectionById.get(r.sectionId) ?? null),
    authors: authorLinks.filter((l) => l.articleId === r.id).map((l) => l.author),
    tags: tagLinks.filter((l) => l.articleId === r.id).map((l) => l.tag),
  }));
}

export async function getLiveArticleBySlug(db: Db, publicationId: number, slug: string, now: Date): Promise<ArticleRow | null> {
  const rows = await db
    .select()
    .from(articles)
    .where(and(eq(articles.publicationId, publicationId), eq(articles.slug, slug), liveAt(now)))
    .limit(1);
  const [row] = await attachRelations(db, rows);
  return row ?? null;
}

export type ListFilter = { sectionId?: number; authorId?: number; tagId?: number; excludeId?: number; locale?: "ko" | "en" };

export async function listLiveArticles(db: Db, publicationId: number, now: Date, filter: ListFilter = {}, limit = 20, offset = 0): Promise<ArticleRow[]> {
  const conds: SQL[] = [eq(articles.publicationId, publicationId), liveAt(now)];
  if (filter.sectionId !== undefined) conds.push(eq(articles.sectionId, filter.sectionId));
  if (filter.excludeId !== undefined) conds.push(ne(articles.id, filter.excludeId));
  if (filter.locale) conds.push(eq(articles.locale, filter.locale));
  if (filter.authorId !== undefined) {
    conds.push(inArray(articles.id, db.select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.authorId, filter.authorId))));
  }
  if (filter.tagId !== undefined) {
    conds.push(inArray(articles.id, db.select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, filter.tagId))));
  }
  const rows = await db
    .select()
    .from(articles)
    .where(and(...conds))
    .orderBy(desc(articles.publishAt), desc(articles.id))
    .limit(limit)
    .offset(offset);
  return attachRelations(db, rows);
}

// Related pieces: same section first, then pieces sharing a tag, newest first.
export async function listRelatedArticles(db: Db, article: RelatedTo, now: Date, limit = 3): Promise<ArticleRow[]> {
  return attachRelations(db, await relatedRows(db, article, now, limit));
}

export type RelatedTo = { id: number; publicationId: number; sectionId: number | null; tags: readonly { id: number }[] };

export async function listRelatedSlugs(db: Db, article: RelatedTo, now: Date, limit = 3): Promise<string[]> {
  return (await relatedRows(db, article, now, limit)).map((r) => r.slug);
}

async function relatedRows(db: Db, article: RelatedTo, now: Date, limit: number): Promise<Article[]> {
  const tagIds = article.tags.map((t) => t.id);
  const sharesTag = tagIds.length
    ? inArray(articles.id, db.select({ id: articleTags.articleId }).from(articleTags).where(inArray(articleTags.tagId, tagIds)))
    : sql`false`;
  const sameSection = article.sectionId === null ? sql`false` : eq(articles.sectionId, article.sectionId);
  const rows = await db
    .select()
    .from(articles)
    .where(and(eq(articles.publicationId, article.publicationId), liveAt(now), ne(articles.id, article.id), sql`(${sameSection} or ${sharesTag})`))
    .orderBy(desc(sql`case when ${sameSection} then 1 else 0 end`), desc(articles.publishAt))
    .limit(limit);
  return rows;
}

// The text a search matches against, lower-cased; the same expression backs the pg_trgm GIN
// index (migration 0007), so `LIKE '%term%'` is a trigram index scan instead of a table scan.
export const searchDocument = sql`lower(${articles.title} || ' ' || ${articles.dek}::text || ' ' || ${articles.fullText})`;

// Escapes LIKE's own metacharacters so user input is matched literally.
export function likeContains(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// A term found in the name or slug of one of the piece's tags (tags are public, like the title).
function tagMatches(pattern: string): SQL {
  return sql`exists (select 1 from ${articleTags} inner join ${tags} on ${tags.id} = ${articleTags.tagId} where ${articleTags.articleId} = ${articles.id} and (lower(${tags.name}) like ${pattern} or lower(${tags.slug}) like ${pattern}))`;
}

// Search candidates: every term must occur in the full plain text or in a tag of the piece
// (substring match, so Korean words are found inside longer Korean words). Callers decide per reader which text they may
// match against (the teaser or the full text) — see lib/articles/search.
export async function searchLiveArticles(db: Db, publicationId: number, terms: string[], now: Date, limit = 50): Promise<ArticleRow[]> {
  if (terms.length === 0) return [];
  const conds = terms.map((t) => sql`(${searchDocument} like ${likeContains(t)} or ${tagMatches(likeContains(t))})`);
  const rows = await db
    .select()
    .from(articles)
    .where(and(eq(articles.publicationId, publicationId), liveAt(now), ...conds))
    .orderBy(desc(articles.publishAt))
    .limit(limit);
  return attachRelations(db, rows);
}

export async function listLiveSlugs(db: Db, publicationId: number, now: Date): Promise<{ slug: string; updatedAt: Date }[]> {
  return db
    .select({ slug: articles.slug, updatedAt: articles.updatedAt })
    .from(articles)
    .where(and(eq(articles.publicationId, publicationId), liveAt(now)))
    .orderBy(desc(articles.publishAt));
}
