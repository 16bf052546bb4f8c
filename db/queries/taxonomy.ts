import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { authors, sections, tags, tiers } from "../schema";

// Taxonomy and tiers of one publication.

export async function getAuthorBySlug(db: Db, publicationId: number, slug: string) {
  const [row] = await db
    .select()
    .from(authors)
    .where(and(eq(authors.publicationId, publicationId), eq(authors.slug, slug)))
    .limit(1);
  return row ?? null;
}

export async function getSectionBySlug(db: Db, publicationId: number, slug: string) {
  const [row] = await db
    .select()
    .from(sections)
    .where(and(eq(sections.publicationId, publicationId), eq(sections.slug, slug)))
    .limit(1);
  return row ?? null;
}

export async function getTagBySlug(db: Db, publicationId: number, slug: string) {
  const [row] = await db
    .select()
    .from(tags)
    .where(and(eq(tags.publicationId, publicationId), eq(tags.slug, slug)))
    .limit(1);
  return row ?? null;
}

export async function listSections(db: Db, publicationId: number) {
  return db.select().from(sections).where(eq(sections.publicationId, publicationId)).orderBy(asc(sections.position), asc(sections.id));
}

export async function listAuthors(db: Db, publicationId: number) {
  return db.select().from(authors).where(eq(authors.publicationId, publicationId)).orderBy(asc(authors.name));
}

export async function listTiers(db: Db, publicationId: number) {
  return db.select().from(tiers).where(eq(tiers.publicationId, publicationId)).orderBy(asc(tiers.rank));
}
