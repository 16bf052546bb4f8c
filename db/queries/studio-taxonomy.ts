import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { authors, sections, tags } from "../schema";

type Tx = Pick<Db, "insert" | "update" | "select">;

// Insert (id null) or update by id; the unique slug index turns a clash into an error the caller maps.
export async function saveAuthorRow(db: Tx, id: number | null, values: typeof authors.$inferInsert) {
  const [row] = id === null ? await db.insert(authors).values(values).returning() : await db.update(authors).set(values).where(eq(authors.id, id)).returning();
  return row ?? null;
}

export async function saveSectionRow(db: Tx, id: number | null, values: typeof sections.$inferInsert) {
  const [row] = id === null ? await db.insert(sections).values(values).returning() : await db.update(sections).set(values).where(eq(sections.id, id)).returning();
  return row ?? null;
}

export async function saveTagRow(db: Tx, id: number | null, values: typeof tags.$inferInsert) {
  const [row] = id === null ? await db.insert(tags).values(values).returning() : await db.update(tags).set(values).where(eq(tags.id, id)).returning();
  return row ?? null;
}

export async function listAllTags(db: Pick<Db, "select">) {
  return db.select().from(tags).orderBy(asc(tags.name));
}
