import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { joinPublication } from "./publication-members";
import { accessGeneration, grants, members, type GrantSource, type Member, type NewGrant, type Role } from "../schema";
import { findOne } from "./find-one";
import { anyInt, executeRows } from "./sql-arrays";

// Transactions and the top-level handle share this query surface.
type Tx = Pick<Db, "select" | "insert" | "update" | "delete" | "execute">;

export const ACCESS_CHANNEL = "masthead_access";

export function normalizeEmail(email: string): string {
  return email.normalize("NFC").trim().toLowerCase();
}

export async function getMemberById(db: Tx, id: number): Promise<Member | null> {
  const [row] = await db.select().from(members).where(eq(members.id, id)).limit(1);
  return row ?? null;
}

export async function getMemberByEmail(db: Tx, email: string): Promise<Member | null> {
  return findOne(db, members, eq(members.email, normalizeEmail(email)));
}

export async function getMemberByStripeCustomer(db: Tx, customerId: string): Promise<Member | null> {
  const [row] = await db.select().from(members).where(eq(members.stripeCustomerId, customerId)).limit(1);
  return row ?? null;
}

// Creates the member for an address, or returns the existing one (concurrent calls agree).
export async function ensureMember(db: Tx, email: string, fields: { name?: string | null; role?: Role } = {}): Promise<Member> {
  const normalized = normalizeEmail(email);
  const [created] = await db
    .insert(members)
    .values({ email: normalized, name: fields.name ?? null, role: fields.role ?? "reader" })
    .onConflictDoNothing({ target: members.email })
    .returning();
  if (created) return created;
  const existing = await getMemberByEmail(db, normalized);
  if (!existing) throw new Error("member vanished during ensureMember");
  return existing;
}

export async function updateMember(db: Tx, id: number, fields: Partial<Pick<Member, "name" | "role" | "emailVerifiedAt" | "stripeCustomerId">>) {
  const [row] = await db
    .update(members)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(members.id, id))
    .returning();
  return row ?? null;
}

// Bumps the members' access epochs and announces each to every instance (NOTIFY is delivered on
// commit, so listeners never learn of a change that rolled back). Call inside the transaction
// that changes access, with ascending ids (the lock order every bump uses); after commit, also
// call noteEpoch() for this instance. One statement, the update and its NOTIFYs together: a
// webhook bumps an epoch per access change at hundreds of events a second (issue 19), the member
// import thousands per batch.
export async function bumpAccessEpochs(db: Tx, memberIds: readonly number[]): Promise<{ id: number; epoch: number }[]> {
  if (!memberIds.length) return [];
  const now = new Date().toISOString();
  const rows = await executeRows<{ id: number; epoch: number }>(
    db,
    sql`with bumped as (
          update ${members} set access_epoch = access_epoch + 1, epoch_changed_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
          where ${anyInt(members.id, memberIds)} returning id, access_epoch
        )
        select id, access_epoch as epoch, pg_notify(${ACCESS_CHANNEL}, id || ':' || access_epoch) from bumped`,
  );
  return rows.map((r) => ({ id: Number(r.id), epoch: Number(r.epoch) }));
}

export async function bumpAccessEpoch(db: Tx, memberId: number): Promise<number> {
  const [row] = await bumpAccessEpochs(db, [memberId]);
  if (!row) throw new Error(`no member ${memberId}`);
  return row.epoch;
}

// Install-wide: the ACCESS_CHANNEL payload `gen:<n>` tells every instance.
export async function bumpAccessGeneration(db: Tx): Promise<number> {
  const [row] = await db
    .insert(accessGeneration)
    .values({ id: 1, generation: 1 })
    .onConflictDoUpdate({ target: accessGeneration.id, set: { generation: sql`${accessGeneration.generation} + 1`, changedAt: new Date() } })
    .returning({ generation: accessGeneration.generation });
  await db.execute(sql`select pg_notify(${ACCESS_CHANNEL}, ${`gen:${row.generation}`})`);
  return row.generation;
}

export async function getAccessGeneration(db: Tx): Promise<number> {
  const [row] = await db.select({ generation: accessGeneration.generation }).from(accessGeneration).limit(1);
  return row?.generation ?? 0;
}

export async function listEpochsChangedSince(db: Tx, since: Date): Promise<{ id: number; epoch: number }[]> {
  return db.select({ id: members.id, epoch: members.accessEpoch }).from(members).where(gt(members.epochChangedAt, since));
}

export async function listGrants(db: Tx, memberId: number) {
  return db.select().from(grants).where(eq(grants.memberId, memberId)).orderBy(asc(grants.startsAt), asc(grants.id));
}

// A grant in a publication gives the member an account there (design §11: its newsletter goes to
// them). Imports manage accounts themselves, carrying the source's newsletter consent.
export async function insertGrant(db: Tx, grant: NewGrant) {
  const [row] = await db.insert(grants).values(grant).returning();
  if (row.source !== "import") {
    await joinPublication(db, { publicationId: row.publicationId, memberId: row.memberId, source: row.source === "stripe" ? "subscription" : "grant" });
  }
  return row;
}

export async function getGrantBySource(db: Tx, source: GrantSource, sourceRef: string) {
  const [row] = await db
    .select()
    .from(grants)
    .where(and(eq(grants.source, source), eq(grants.sourceRef, sourceRef)))
    .orderBy(asc(grants.id))
    .limit(1);
  return row ?? null;
}

export async function revokeGrant(db: Tx, grantId: number, at: Date, reason: string) {
  const [row] = await db
    .update(grants)
    .set({ revokedAt: at, revokedReason: reason, updatedAt: new Date() })
    .where(and(eq(grants.id, grantId), isNull(grants.revokedAt)))
    .returning();
  return row ?? null;
}
