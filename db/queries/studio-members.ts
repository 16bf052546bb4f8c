import { asc, desc, eq, ilike, inArray, or } from "drizzle-orm";
import type { Db } from "../client";
import { grants, members, stripeSubscriptions } from "../schema";

const like = (q: string) => `%${q.replace(/[\\%_]/g, "\\$&")}%`;

// Staff search by email or name, newest accounts first.
export async function searchMembers(db: Db, q: string, limit = 50) {
  const where = q ? or(ilike(members.email, like(q)), ilike(members.name, like(q))) : undefined;
  return db.select().from(members).where(where).orderBy(desc(members.id)).limit(limit);
}

export async function listGrantsForMembers(db: Db, memberIds: number[]) {
  if (!memberIds.length) return [];
  return db.select().from(grants).where(inArray(grants.memberId, memberIds)).orderBy(asc(grants.startsAt), asc(grants.id));
}

export async function getGrantById(db: Db, id: number) {
  const [row] = await db.select().from(grants).where(eq(grants.id, id)).limit(1);
  return row ?? null;
}

export async function listMemberEmails(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: members.id, email: members.email }).from(members).where(inArray(members.id, ids));
  return new Map(rows.map((r) => [r.id, r.email]));
}

export async function listSubscriptionsOfMember(db: Db, memberId: number) {
  return db.select().from(stripeSubscriptions).where(eq(stripeSubscriptions.memberId, memberId)).orderBy(desc(stripeSubscriptions.updatedAt));
}
