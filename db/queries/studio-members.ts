import { and, asc, count, desc, eq, gt, ilike, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { grants, members, stripeSubscriptions } from "../schema";
import { anyInt, intArrayLiteral } from "./sql-arrays";

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

// Grants that may still count at `now`: not revoked and not long over. The access resolver
// decides; the margin leaves room for its grace period after a paid grant's end.
// `publicationIds`: the publications whose grants can count (this one and bundles including it).
export async function listPossiblyLiveGrants(db: Db, now: Date, publicationIds: number[]) {
  if (!publicationIds.length) return [];
  const margin = new Date(now.getTime() - 30 * 86_400_000);
  return db
    .select()
    .from(grants)
    .where(
      and(
        inArray(grants.publicationId, publicationIds),
        isNull(grants.revokedAt),
        lte(grants.startsAt, now),
        or(isNull(grants.endsAt), gt(grants.endsAt, margin)),
      ),
    );
}

export async function countMembers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(members);
  return Number(row?.n ?? 0);
}

export type MemberFilter = { q: string; only?: number[]; except?: number[] };

// One array parameter, not one parameter per id: a tier can hold more members than PostgreSQL's
// 65,535 bind parameters.
function memberWhere(f: MemberFilter) {
  const parts = [];
  if (f.q) parts.push(or(ilike(members.email, like(f.q)), ilike(members.name, like(f.q))));
  if (f.only) parts.push(anyInt(members.id, f.only));
  if (f.except?.length) parts.push(sql`${members.id} <> all(${intArrayLiteral(f.except)}::int[])`);
  return parts.length ? and(...parts) : undefined;
}

// The studio list: filtered by search and tier (member ids resolved by lib/studio/member-tiers).
export async function listMembersFiltered(db: Db, f: MemberFilter, limit = 50) {
  return db.select().from(members).where(memberWhere(f)).orderBy(desc(members.id)).limit(limit);
}

export async function countMembersFiltered(db: Db, f: MemberFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(members).where(memberWhere(f));
  return Number(row?.n ?? 0);
}

// The export pages through members by id so a large list never sits in memory at once.
export async function listMembersPage(db: Db, f: MemberFilter, afterId: number, limit = 1000) {
  const where = memberWhere(f);
  return db
    .select()
    .from(members)
    .where(where ? and(where, gt(members.id, afterId)) : gt(members.id, afterId))
    .orderBy(asc(members.id))
    .limit(limit);
}
