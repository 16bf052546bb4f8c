import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { authors, sections, tags, tiers } from "../schema";

// Taxonomy and tiers of one publication.

// Authors, sections and tags: each row belongs to one publication, with a slug unique within it.
export const taxonomyTables = { author: authors, section: sections, tag: tags };
export type TaxonomyKind = keyof typeof taxonomyTables;
export type TaxonomyRow<K extends TaxonomyKind> = (typeof taxonomyTables)[K]["$inferSelect"];

async function getTaxonomyBySlug<K extends TaxonomyKind>(db: Db, kind: K, publicationId: number, slug: string): Promise<TaxonomyRow<K> | null> {
  // Typed as one of the three for drizzle's builder: they share id, publication_id and slug, and
  // select() reads the columns of the table actually passed.
  const t = taxonomyTables[kind] as typeof tags;
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.publicationId, publicationId), eq(t.slug, slug)))
    .limit(1);
  return (row as TaxonomyRow<K> | undefined) ?? null;
}

export const getAuthorBySlug = (db: Db, publicationId: number, slug: string) => getTaxonomyBySlug(db, "author", publicationId, slug);
export const getSectionBySlug = (db: Db, publicationId: number, slug: string) => getTaxonomyBySlug(db, "section", publicationId, slug);
export const getTagBySlug = (db: Db, publicationId: number, slug: string) => getTaxonomyBySlug(db, "tag", publicationId, slug);

export async function listSections(db: Db, publicationId: number) {
  return db.select().from(sections).where(eq(sections.publicationId, publicationId)).orderBy(asc(sections.position), asc(sections.id));
}

export async function listAuthors(db: Db, publicationId: number) {
  return db.select().from(authors).where(eq(authors.publicationId, publicationId)).orderBy(asc(authors.name));
}

export async function listTiers(db: Db, publicationId: number) {
  return db.select().from(tiers).where(eq(tiers.publicationId, publicationId)).orderBy(asc(tiers.rank));
}
