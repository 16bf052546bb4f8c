import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { tiers, type Tier } from "../schema";
import { findOne } from "./find-one";

type Tx = Pick<Db, "insert" | "update" | "select">;

export async function getTierById(db: Tx, publicationId: number, id: number): Promise<Tier | null> {
  return findOne(db, tiers, and(eq(tiers.publicationId, publicationId), eq(tiers.id, id)));
}

export async function insertTier(db: Tx, values: typeof tiers.$inferInsert): Promise<Tier> {
  const [row] = await db.insert(tiers).values(values).returning();
  return row;
}

export async function updateTier(db: Tx, id: number, values: Partial<typeof tiers.$inferInsert>): Promise<Tier | null> {
  const [row] = await db.update(tiers).set(values).where(eq(tiers.id, id)).returning();
  return row ?? null;
}
