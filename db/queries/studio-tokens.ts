import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../client";
import { apiTokens, members } from "../schema";
import { findOne } from "./find-one";

export async function insertApiToken(db: Pick<Db, "insert">, row: typeof apiTokens.$inferInsert) {
  const [created] = await db.insert(apiTokens).values(row).returning();
  return created;
}

export async function getActiveTokenByHash(db: Db, tokenHash: string) {
  return findOne(db, apiTokens, and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
}

// Written at most once per `staleBefore` window, so a busy integration does not write per request.
export async function touchApiToken(db: Db, id: number, at: Date, staleBefore: Date) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))));
}

// A publication's tokens (network tokens, publicationId null, are listed with every publication).
export async function listApiTokens(db: Db, publicationId: number) {
  return db
    .select({ token: apiTokens, createdByEmail: members.email })
    .from(apiTokens)
    .leftJoin(members, eq(members.id, apiTokens.createdBy))
    .where(or(eq(apiTokens.publicationId, publicationId), isNull(apiTokens.publicationId)))
    .orderBy(desc(apiTokens.id));
}

// `publicationId` null: any token (a network admin's revoke, network tokens included); otherwise
// only that publication's own tokens.
export async function revokeApiToken(db: Pick<Db, "update">, publicationId: number | null, id: number, at: Date) {
  const scope = publicationId === null ? undefined : eq(apiTokens.publicationId, publicationId);
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), scope, isNull(apiTokens.revokedAt)))
    .returning();
  return row ?? null;
}
