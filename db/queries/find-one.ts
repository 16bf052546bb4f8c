import type { SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../client";

/** The first row of `table` matching `where`, or null: the get-one-by-key read every query module has. */
export async function findOne<T extends PgTable>(db: Pick<Db, "select">, table: T, where: SQL | undefined): Promise<T["$inferSelect"] | null> {
  const rows = await db
    .select()
    .from(table as PgTable)
    .where(where)
    .limit(1);
  return (rows[0] as T["$inferSelect"] | undefined) ?? null;
}
