import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { authors, sections, tags, tiers } from "../schema";

export async function getAuthorBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(authors).where(eq(authors.slug, slug)).limit(1);
  return row ?? null;
}

export async function getSectionBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(sections).where(eq(sections.slug, slug)).limit(1);
  return row ?? null;
}

export async function getTagBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(tags).where(eq(tags.slug, slug)).limit(1);
  return row ?? null;
}

export async function listSections(db: Db) {
  return db.select().from(sections).orderBy(asc(sections.position), asc(sections.id));
}

export async function listAuthors(db: Db) {
  return db.select().from(authors).orderBy(asc(authors.name));
}

export async function listTiers(db: Db) {
  return db.select().from(tiers).orderBy(asc(tiers.rank));
}
