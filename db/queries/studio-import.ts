import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { authors, importItems, redirects } from "../schema";

export async function getImportItem(db: Db, source: string, kind: string, externalId: string) {
  const [row] = await db
    .select()
    .from(importItems)
    .where(and(eq(importItems.source, source), eq(importItems.kind, kind), eq(importItems.externalId, externalId)))
    .limit(1);
  return row ?? null;
}

export async function saveImportItem(db: Db, row: { source: string; kind: string; externalId: string; localId: number; checksum: string }) {
  await db
    .insert(importItems)
    .values(row)
    .onConflictDoUpdate({ target: [importItems.source, importItems.kind, importItems.externalId], set: { localId: row.localId, checksum: row.checksum } });
}

export async function getAuthorByEmail(db: Db, email: string) {
  const [row] = await db.select().from(authors).where(eq(sql`lower(${authors.email})`, email.toLowerCase())).limit(1);
  return row ?? null;
}

// Inserts or re-points a redirect; reports whether anything changed (re-imports change nothing).
export async function upsertRedirect(db: Db, fromPath: string, toPath: string, source: string): Promise<"created" | "updated" | "unchanged"> {
  const [existing] = await db.select().from(redirects).where(eq(redirects.fromPath, fromPath)).limit(1);
  if (existing?.toPath === toPath) return "unchanged";
  if (existing) {
    await db.update(redirects).set({ toPath, source }).where(eq(redirects.id, existing.id));
    return "updated";
  }
  await db.insert(redirects).values({ fromPath, toPath, source });
  return "created";
}

export async function listRedirects(db: Db) {
  return db.select({ fromPath: redirects.fromPath, toPath: redirects.toPath }).from(redirects);
}
