import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog, grants, members, publicationMembers, type GrantSource } from "../schema";
import { anyInt, anyText, executeRows, insertRows } from "./sql-arrays";

// Batched reads and writes of the member import (lib/import/members): one statement per kind of
// row per batch, not per member, so 100,000 members take a couple of hundred round trips.

type Tx = Pick<Db, "select" | "insert" | "update" | "delete" | "execute">;

export type ImportMemberRow = { id: number; email: string; name: string | null; stripeCustomerId: string | null };
export type ImportGrantRow = {
  id: number;
  memberId: number;
  tierSlug: string;
  startsAt: Date;
  endsAt: Date | null;
  revokedAt: Date | null;
  source: GrantSource;
  sourceRef: string | null;
};

const memberColumns = { id: members.id, email: members.email, name: members.name, stripeCustomerId: members.stripeCustomerId };

/** Members by address; `lock`: FOR UPDATE in id order (the order epoch bumps take locks in). */
export async function listMembersByEmail(db: Tx, emails: readonly string[], opts: { lock?: boolean } = {}): Promise<ImportMemberRow[]> {
  if (!emails.length) return [];
  const q = db.select(memberColumns).from(members).where(anyText(members.email, emails)).orderBy(asc(members.id));
  return opts.lock ? q.for("update") : q;
}

export async function listStripeOwners(db: Tx, customerIds: readonly string[]): Promise<Map<string, number>> {
  if (!customerIds.length) return new Map();
  const rows = await db.select({ id: members.id, customerId: members.stripeCustomerId }).from(members).where(anyText(members.stripeCustomerId, customerIds));
  return new Map(rows.map((r) => [r.customerId!, r.id]));
}

/** Every grant of these members in the publication, revoked ones included (an import finds its own). */
export async function listGrantsInPublication(db: Tx, publicationId: number, memberIds: readonly number[]): Promise<ImportGrantRow[]> {
  if (!memberIds.length) return [];
  return db
    .select({
      id: grants.id,
      memberId: grants.memberId,
      tierSlug: grants.tierSlug,
      startsAt: grants.startsAt,
      endsAt: grants.endsAt,
      revokedAt: grants.revokedAt,
      source: grants.source,
      sourceRef: grants.sourceRef,
    })
    .from(grants)
    .where(and(eq(grants.publicationId, publicationId), anyInt(grants.memberId, memberIds)));
}

export async function listAccountHolders(db: Tx, publicationId: number, memberIds: readonly number[]): Promise<Set<number>> {
  if (!memberIds.length) return new Set();
  const rows = await db
    .select({ memberId: publicationMembers.memberId })
    .from(publicationMembers)
    .where(and(eq(publicationMembers.publicationId, publicationId), anyInt(publicationMembers.memberId, memberIds)));
  return new Set(rows.map((r) => r.memberId));
}

export type NewImportMember = { email: string; name: string | null; stripeCustomerId: string | null; createdAt: Date | null };

/** Inserts the members that do not exist yet; returns the ones this call made (a concurrent sign-up wins). */
export async function insertMissingMembers(db: Tx, rows: readonly NewImportMember[]): Promise<ImportMemberRow[]> {
  if (!rows.length) return [];
  const now = new Date();
  const values = rows.map((r) => ({ email: r.email, name: r.name, stripeCustomerId: r.stripeCustomerId, createdAt: r.createdAt ?? now }));
  return executeRows<ImportMemberRow>(
    db,
    sql`${insertRows(members, ["email", "name", "stripeCustomerId", "createdAt"], values)} on conflict (email) do nothing returning id, email, name, stripe_customer_id as "stripeCustomerId"`,
  );
}

/** Fills a member's empty name and Stripe customer; never overwrites either. */
export async function fillMemberFields(db: Tx, memberId: number, fields: { name?: string; stripeCustomerId?: string }): Promise<void> {
  if (fields.name)
    await db
      .update(members)
      .set({ name: fields.name, updatedAt: new Date() })
      .where(and(eq(members.id, memberId), isNull(members.name)));
  if (fields.stripeCustomerId) {
    await db
      .update(members)
      .set({ stripeCustomerId: fields.stripeCustomerId, updatedAt: new Date() })
      .where(and(eq(members.id, memberId), isNull(members.stripeCustomerId)));
  }
}

export type NewImportGrant = {
  memberId: number;
  publicationId: number;
  tierSlug: string;
  startsAt: Date;
  endsAt: Date | null;
  sourceRef: string;
  note: string | null;
  grantedBy: number | null;
};

export async function insertImportGrants(db: Tx, rows: readonly NewImportGrant[]): Promise<void> {
  if (!rows.length) return;
  const keys = ["memberId", "publicationId", "tierSlug", "startsAt", "endsAt", "source", "sourceRef", "note", "grantedBy"] as const;
  await db.execute(
    insertRows(
      grants,
      keys,
      rows.map((r) => ({ ...r, source: "import" as const })),
    ),
  );
}

export async function updateImportGrant(
  db: Tx,
  id: number,
  values: { tierSlug: string; startsAt: Date; endsAt: Date | null; note: string | null },
): Promise<void> {
  await db
    .update(grants)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(grants.id, id), eq(grants.source, "import")));
}

/** Accounts at the publication, made as welcomed (an import sends nothing); existing ones keep their choices. */
export async function insertImportAccounts(
  db: Tx,
  publicationId: number,
  rows: readonly { memberId: number; newsletter: boolean }[],
  at: Date,
): Promise<number> {
  if (!rows.length) return 0;
  const keys = ["publicationId", "memberId", "source", "joinedAt", "newsletter", "newsletterChangedAt", "welcomedAt"] as const;
  const values = rows.map((r) => ({
    publicationId,
    memberId: r.memberId,
    source: "import",
    joinedAt: at,
    newsletter: r.newsletter,
    newsletterChangedAt: at,
    welcomedAt: at,
  }));
  const made = await executeRows<{ member_id: number }>(db, sql`${insertRows(publicationMembers, keys, values)} on conflict do nothing returning member_id`);
  return made.length;
}

const auditKeys = ["publicationId", "actorMemberId", "actorLabel", "action", "subjectType", "subjectId", "memberId", "summary", "details"] as const;
// Every column given: the batch insert sends NULL, not the default, for a missing one.
export type NewAuditRow = Required<Pick<typeof auditLog.$inferInsert, (typeof auditKeys)[number]>>;

export async function insertAuditRows(db: Tx, rows: readonly NewAuditRow[]): Promise<void> {
  if (rows.length) await db.execute(insertRows(auditLog, auditKeys, rows));
}

/**
 * Accounts at a publication that an import made, in member id order after `afterMemberId`: what a
 * later "your account moved" notice goes to (issue 22 item 5; the email queue's dedupe key keeps
 * it to one per member).
 */
export async function listImportedAccounts(
  db: Tx,
  publicationId: number,
  afterMemberId = 0,
  limit = 1000,
): Promise<{ memberId: number; email: string; joinedAt: Date }[]> {
  return db
    .select({ memberId: publicationMembers.memberId, email: members.email, joinedAt: publicationMembers.joinedAt })
    .from(publicationMembers)
    .innerJoin(members, eq(members.id, publicationMembers.memberId))
    .where(and(eq(publicationMembers.publicationId, publicationId), eq(publicationMembers.source, "import"), gt(publicationMembers.memberId, afterMemberId)))
    .orderBy(asc(publicationMembers.memberId))
    .limit(limit);
}
