import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { authors, sections, tags } from "../schema";

type Tx = Pick<Db, "insert" | "update" | "select">;

// Insert (id null) or update by id within the row's publication (an id of another publication
// updates nothing); the unique slug index turns a clash into an error the caller maps.
export async function saveAuthorRow(db: Tx, id: number | null, values: typeof authors.$inferInsert) {
  const [row] =
    id === null
      ? await db.insert(authors).values(values).returning()
      : await db
          .update(authors)
          .set(values)
          .where(and(eq(authors.id, id), eq(authors.publicationId, values.publicationId)))
          .returning();
  return row ?? null;
}

export async function saveSectionRow(db: Tx, id: number | null, values: typeof sections.$inferInsert) {
  const [row] =
    id === null
      ? await db.insert(sections).values(values).returning()
      : await db
          .update(sections)
          .set(values)
          .where(and(eq(sections.id, id), eq(sections.publicationId, values.publicationId)))
          .returning();
  return row ?? null;
}

export async function saveTagRow(db: Tx, id: number | null, values: typeof tags.$inferInsert) {
  const [row] =
    id === null
      ? await db.insert(tags).values(values).returning()
      : await db
          .update(tags)
          .set(values)
          .where(and(eq(tags.id, id), eq(tags.publicationId, values.publicationId)))
          .returning();
  return row ?? null;
}

export async function listAllTags(db: Pick<Db, "select">, publicationId: number) {
  return db.select().from(tags).where(eq(tags.publicationId, publicationId)).orderBy(asc(tags.name));
}
