import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { portonePayments, portoneSubscriptions, portoneWebhookAttempts, priceChangeNotices, priceChanges, publications, type PaymentProvider } from "../schema";
import type { Tx } from "./billing";

// Loads and stores PortOne billing state (lib/billing/portone decides). Lock order, as for Stripe:
// portone subscription → ledger rows (stripe_* tables) → member.

export async function getPaymentProvider(db: Tx, publicationId: number): Promise<PaymentProvider> {
  const [row] = await db.select({ p: publications.paymentProvider }).from(publications).where(eq(publications.id, publicationId)).limit(1);
  return row?.p ?? "stripe";
}

export async function setPaymentProvider(db: Tx, publicationId: number, provider: PaymentProvider) {
  await db.update(publications).set({ paymentProvider: provider }).where(eq(publications.id, publicationId));
}

export async function insertPortOneSubscription(db: Tx, row: typeof portoneSubscriptions.$inferInsert) {
  const [created] = await db.insert(portoneSubscriptions).values(row).onConflictDoNothing({ target: portoneSubscriptions.id }).returning();
  return created ?? null;
}

export async function getPortOneSubscription(db: Tx, id: string) {
  const [row] = await db.select().from(portoneSubscriptions).where(eq(portoneSubscriptions.id, id)).limit(1);
  return row ?? null;
}

/** Locks the subscription row for the rest of the transaction: facts of one subscription apply one at a time. */
export async function lockPortOneSubscription(db: Tx, id: string) {
  const [row] = await db.select().from(portoneSubscriptions).where(eq(portoneSubscriptions.id, id)).for("update").limit(1);
  return row ?? null;
}

export async function updatePortOneSubscription(db: Tx, id: string, fields: Partial<typeof portoneSubscriptions.$inferInsert>) {
  const [row] = await db
    .update(portoneSubscriptions)
    .set({ ...fields, version: sql`${portoneSubscriptions.version} + 1`, updatedAt: new Date() })
    .where(eq(portoneSubscriptions.id, id))
    .returning();
  return row;
}

export async function listPortOnePayments(db: Tx, subscriptionId: string) {
  return db.select().from(portonePayments).where(eq(portonePayments.subscriptionId, subscriptionId)).orderBy(asc(portonePayments.periodIndex));
}

export async function getPortOnePayment(db: Tx, id: string) {
  const [row] = await db.select().from(portonePayments).where(eq(portonePayments.id, id)).limit(1);
  return row ?? null;
}

/** The period's payment as first planned: a retry keeps its id and amount, whatever changed since. */
export async function ensurePortOnePayment(db: Tx, row: typeof portonePayments.$inferInsert) {
  await db.insert(portonePayments).values(row).onConflictDoNothing();
  const [stored] = await db
    .select()
    .from(portonePayments)
    .where(and(eq(portonePayments.subscriptionId, row.subscriptionId), eq(portonePayments.periodIndex, row.periodIndex)))
    .limit(1);
  return stored;
}

type FactColumns = Pick<
  typeof portonePayments.$inferInsert,
  "status" | "paidAt" | "failedAt" | "failureReason" | "cancelledAmount" | "cancelledAt" | "snapshot"
>;

/** Stores a payment fact iff it is fresher than the stored one (lib/billing/portone/payment-facts.ts); true when stored. */
export async function storePaymentFact(db: Tx, id: string, fields: FactColumns, freshness: string): Promise<boolean> {
  const p = portonePayments;
  const rows = await db
    .update(p)
    .set({ ...fields, freshness, updatedAt: new Date() })
    .where(and(eq(p.id, id), or(isNull(p.freshness), sql`${p.freshness} collate "C" < ${freshness} collate "C"`)))
    .returning({ id: p.id });
  return rows.length === 1;
}

/**
 * Claims up to `limit` subscriptions due for a charge: a lease (not a held transaction) so the
 * charge itself — an HTTP call to PortOne — runs outside any transaction. SKIP LOCKED lets several
 * instances claim side by side; an expired lease (a job killed mid-run) is claimed again.
 */
export async function claimDueSubscriptions(db: Tx, now: Date, owner: string, leaseMs: number, limit: number) {
  const s = portoneSubscriptions;
  const due = db
    .select({ id: s.id })
    .from(s)
    .where(and(inArray(s.status, ["active", "past_due"]), lte(s.nextChargeAt, now), or(isNull(s.leaseUntil), lt(s.leaseUntil, now))))
    .orderBy(asc(s.nextChargeAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(s)
    .set({ leaseUntil: new Date(now.getTime() + leaseMs), leaseOwner: owner })
    .where(inArray(s.id, due))
    .returning();
}

export async function releaseLease(db: Tx, id: string, owner: string, fields: Partial<typeof portoneSubscriptions.$inferInsert> = {}) {
  await db
    .update(portoneSubscriptions)
    .set({ ...fields, leaseUntil: null, leaseOwner: null, updatedAt: new Date() })
    .where(and(eq(portoneSubscriptions.id, id), eq(portoneSubscriptions.leaseOwner, owner)));
}

export async function listMemberPortOneSubscriptions(db: Tx, memberId: number) {
  return db.select().from(portoneSubscriptions).where(eq(portoneSubscriptions.memberId, memberId)).orderBy(desc(portoneSubscriptions.createdAt));
}

export async function listPortOneSubscriptions(db: Tx) {
  return db.select().from(portoneSubscriptions).orderBy(asc(portoneSubscriptions.createdAt));
}

/**
 * False when this exact delivery (webhook id and timestamp) was seen before: a replay. Attempts
 * older than `keepMs` are dropped on the way: Webhook.verify already refuses their timestamps
 * (5-minute tolerance), so the table only needs to remember the last few minutes.
 */
export async function recordWebhookAttempt(db: Tx, webhookId: string, timestamp: string, now = new Date(), keepMs = 15 * 60_000): Promise<boolean> {
  await db.delete(portoneWebhookAttempts).where(lt(portoneWebhookAttempts.receivedAt, new Date(now.getTime() - keepMs)));
  const rows = await db
    .insert(portoneWebhookAttempts)
    .values({ webhookId, timestamp, receivedAt: now })
    .onConflictDoNothing()
    .returning({ id: portoneWebhookAttempts.webhookId });
  return rows.length === 1;
}

// Price rises (Korean law: existing subscribers are told 30 days ahead).
export async function insertPriceChange(db: Tx, row: typeof priceChanges.$inferInsert) {
  const [created] = await db.insert(priceChanges).values(row).returning();
  return created;
}

export async function listLiveTierSubscriptions(db: Tx, publicationId: number, tierSlug: string, interval: string) {
  const s = portoneSubscriptions;
  return db
    .select()
    .from(s)
    .where(and(eq(s.publicationId, publicationId), eq(s.tierSlug, tierSlug), eq(s.interval, interval as "monthly"), inArray(s.status, ["active", "past_due"])));
}

export async function insertPriceChangeNotices(db: Tx, rows: (typeof priceChangeNotices.$inferInsert)[]) {
  if (rows.length) await db.insert(priceChangeNotices).values(rows).onConflictDoNothing();
}

/** The newest price change for the subscription that it was told about at least `leadMs` before `at`. */
export async function getNotifiedPriceChange(db: Tx, subscriptionId: string, at: Date, leadMs: number) {
  const [row] = await db
    .select({ change: priceChanges })
    .from(priceChangeNotices)
    .innerJoin(priceChanges, eq(priceChanges.id, priceChangeNotices.priceChangeId))
    .where(
      and(
        eq(priceChangeNotices.subscriptionId, subscriptionId),
        lte(priceChanges.effectiveAt, at),
        lte(priceChangeNotices.notifiedAt, new Date(at.getTime() - leadMs)),
      ),
    )
    .orderBy(desc(priceChanges.effectiveAt))
    .limit(1);
  return row?.change ?? null;
}

export async function listPriceChanges(db: Tx, publicationId: number) {
  return db.select().from(priceChanges).where(eq(priceChanges.publicationId, publicationId)).orderBy(desc(priceChanges.announcedAt));
}

export async function countOwedNotices(db: Tx, priceChangeId: number) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(priceChangeNotices)
    .where(and(eq(priceChangeNotices.priceChangeId, priceChangeId), isNull(priceChangeNotices.notifiedAt)));
  return row?.n ?? 0;
}
