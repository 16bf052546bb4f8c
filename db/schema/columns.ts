import { integer, timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";

// Column shapes the tables repeat. Each call returns a fresh builder (drizzle's builders are
// mutable), and a referenced column is named lazily, so any schema module can use these without
// an import cycle. `npm run db:generate` must still find no schema change after using them.

/** An instant: timestamp with time zone. */
export function instant(name: string) {
  return timestamp(name, { withTimezone: true });
}

/** When the row was written. */
export function createdAt() {
  return instant("created_at").notNull().defaultNow();
}

/** A required reference to the row that owns this one: deleting the owner deletes it. */
export function ownedBy(name: string, target: () => AnyPgColumn) {
  return integer(name).notNull().references(target, { onDelete: "cascade" });
}
