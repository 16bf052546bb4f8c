import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { privateFeeds, type PrivateFeed } from "../schema";
import { findOne } from "./find-one";

type Tx = Pick<Db, "select" | "insert" | "update">;

// Private feed URLs: loads and stores by token hash. Whether the member may read anything is
// decided elsewhere (lib/feeds), on every fetch.

export async function getLivePrivateFeedByHash(db: Tx, tokenHash: string): Promise<PrivateFeed | null> {
  return findOne(db, privateFeeds, and(eq(privateFeeds.tokenHash, tokenHash), isNull(privateFeeds.revokedAt)));
}

export async function getLivePrivateFeedForMember(db: Tx, publicationId: number, memberId: number): Promise<PrivateFeed | null> {
  return findOne(db, privateFeeds, and(eq(privateFeeds.publicationId, publicationId), eq(privateFeeds.memberId, memberId), isNull(privateFeeds.revokedAt)));
}

/** Revokes the member's live feed URL of a publication, if any; returns whether one was live. */
export async function revokePrivateFeeds(db: Tx, publicationId: number, memberId: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(privateFeeds)
    .set({ revokedAt: at })
    .where(and(eq(privateFeeds.publicationId, publicationId), eq(privateFeeds.memberId, memberId), isNull(privateFeeds.revokedAt)))
    .returning({ id: privateFeeds.id });
  return rows.length > 0;
}

/**
 * Replaces the member's live feed URL with a new one in one transaction: the old URL stops
 * working the moment the new one exists. Two concurrent rotations cannot both leave a live row
 * (the partial unique index refuses the second insert, which rolls its transaction back).
 */
export async function rotatePrivateFeed(db: Db, publicationId: number, memberId: number, tokenHash: string, at: Date): Promise<PrivateFeed> {
  return db.transaction(async (tx) => {
    await revokePrivateFeeds(tx, publicationId, memberId, at);
    const [row] = await tx.insert(privateFeeds).values({ publicationId, memberId, tokenHash, createdAt: at }).returning();
    return row;
  });
}
