import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { authors, sections, tags } from "../schema";
import { taxonomyTables, type TaxonomyKind, type TaxonomyRow } from "./taxonomy";

type Tx = Pick<Db, "insert" | "update" | "select">;

// Insert (id null) or update by id within the row's publication (an id of another publication
// updates nothing); the unique slug index turns a clash into an error the caller maps.
async function saveTaxonomyRow<K extends TaxonomyKind>(db: Tx, kind: K, id: number | null, values: (typeof taxonomyTables)[K]["$inferInsert"]) {
  // One of the three for drizzle's typing (they share id and publication_id); the values are the kind's own.
  const t = taxonomyTables[kind] as typeof tags;
  const v = values as typeof tags.$inferInsert;
  const [row] =
    id === null
      ? await db.insert(t).values(v).returning()
      : await db
          .update(t)
          .set(v)
          .where(and(eq(t.id, id), eq(t.publicationId, v.publicationId)))
          .returning();
  return (row as TaxonomyRow<K> | undefined) ?? null;
}

export const saveAuthorRow = (db: Tx, id: number | null, values: typeof authors.$inferInsert) => saveTaxonomyRow(db, "author", id, values);
export const saveSectionRow = (db: Tx, id: number | null, values: typeof sections.$inferInsert) => saveTaxonomyRow(db, "section", id, values);
export const saveTagRow = (db: Tx, id: number | null, values: typeof tags.$inferInsert) => saveTaxonomyRow(db, "tag", id, values);

export async function listAllTags(db: Pick<Db, "select">, publicationId: number) {
  return db.select().from(tags).where(eq(tags.publicationId, publicationId)).orderBy(asc(tags.name));
}
