import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { articles, authors, importItems, redirects } from "../schema";
import { findOne } from "./find-one";

// What imports wrote, per publication: each publication's import of the same source (a multisite
// exports one file per site) lands on its own rows.

export async function getImportItem(db: Db, publicationId: number, source: string, kind: string, externalId: string) {
  const [row] = await db
    .select()
    .from(importItems)
    .where(
      and(eq(importItems.publicationId, publicationId), eq(importItems.source, source), eq(importItems.kind, kind), eq(importItems.externalId, externalId)),
    )
    .limit(1);
  return row ?? null;
}

// What a re-import of an unchanged item needs of its piece (one query, not the whole piece).
export async function getImportedPiece(db: Db, publicationId: number, id: number): Promise<{ id: number; slug: string; access: string } | null> {
  const [row] = await db
    .select({ id: articles.id, slug: articles.slug, access: articles.access })
    .from(articles)
    .where(and(eq(articles.publicationId, publicationId), eq(articles.id, id)))
    .limit(1);
  return row ?? null;
}

// `written` (posts only): fingerprints of what the import wrote, see lib/import/wxr-merge.ts.
export async function saveImportItem(
  db: Db,
  row: { publicationId: number; source: string; kind: string; externalId: string; localId: number; checksum: string; written?: Record<string, string> },
) {
  await db
    .insert(importItems)
    .values(row)
    .onConflictDoUpdate({
      target: [importItems.publicationId, importItems.source, importItems.kind, importItems.externalId],
      set: { localId: row.localId, checksum: row.checksum, ...(row.written ? { written: row.written } : {}) },
    });
}

export async function getAuthorByEmail(db: Db, publicationId: number, email: string) {
  return findOne(db, authors, and(eq(authors.publicationId, publicationId), eq(sql`lower(${authors.email})`, email.toLowerCase())));
}

// Inserts or re-points a redirect; reports whether anything changed (re-imports change nothing).
export async function upsertRedirect(
  db: Db,
  publicationId: number,
  fromPath: string,
  toPath: string,
  source: string,
): Promise<"created" | "updated" | "unchanged"> {
  const [existing] = await db
    .select()
    .from(redirects)
    .where(and(eq(redirects.publicationId, publicationId), eq(redirects.fromPath, fromPath)))
    .limit(1);
  if (existing?.toPath === toPath) return "unchanged";
  if (existing) {
    await db.update(redirects).set({ toPath, source }).where(eq(redirects.id, existing.id));
    return "updated";
  }
  await db.insert(redirects).values({ publicationId, fromPath, toPath, source });
  return "created";
}

export async function listRedirects(db: Db) {
  return db.select({ publicationId: redirects.publicationId, fromPath: redirects.fromPath, toPath: redirects.toPath }).from(redirects);
}
