import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { tiers, type Tier } from "../schema";

type Tx = Pick<Db, "insert" | "update" | "select">;

export async function getTierById(db: Tx, publicationId: number, id: number): Promise<Tier | null> {
  const [row] = await db
    .select()
    .from(tiers)
    .where(and(eq(tiers.publicationId, publicationId), eq(tiers.id, id)))
    .limit(1);
  return row ?? null;
}

export async function insertTier(db: Tx, values: typeof tiers.$inferInsert): Promise<Tier> {
  const [row] = await db.insert(tiers).values(values).returning();
  return row;
}

export async function updateTier(db: Tx, id: number, values: Partial<typeof tiers.$inferInsert>): Promise<Tier | null> {
  const [row] = await db.update(tiers).set(values).where(eq(tiers.id, id)).returning();
  return row ?? null;
}
