import { and, desc, eq, gt, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  grants,
  members,
  stripeEvents,
  stripeInvoices,
  stripePayments,
  stripeSubscriptions,
  publications,
  tiers,
  type PaymentProvider,
  type StripeEventStatus,
} from "../schema";

// Loads and stores billing facts. Upserts that merge facts use order-independent rules (coalesce,
// greatest, least) so that concurrent and out-of-order deliveries converge. Upserts on conflict
// also lock the row: callers take locks payment → invoice → subscription → member, in that order.

export type Tx = Pick<Db, "select" | "insert" | "update" | "delete" | "execute">;

export async function insertStripeEvent(db: Tx, e: { id: string; type: string; created: Date; livemode: boolean; provider?: PaymentProvider }) {
  // A concurrent duplicate blocks here until the first delivery commits (then it is a no-op) or
  // rolls back (then it proceeds): the primary key is the idempotency guard.
  const rows = await db
    .insert(stripeEvents)
    .values({ ...e, status: "ignored", reason: "processing" })
    .onConflictDoNothing({ target: stripeEvents.id })
    .returning({ id: stripeEvents.id });
  return rows.length === 1;
}

export async function finishStripeEvent(
  db: Tx,
  id: string,
  r: { status: StripeEventStatus; reason: string | null; memberId: number | null; objectId: string | null; publicationId?: number | null },
) {
  await db.update(stripeEvents).set(r).where(eq(stripeEvents.id, id));
}

export async function getStripeEvent(db: Tx, id: string) {
  const [row] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, id)).limit(1);
  return row ?? null;
}

type SnapshotColumns = Omit<typeof stripeSubscriptions.$inferInsert, "memberId" | "memberLinkRank" | "updatedAt">;
export type SubscriptionRow = typeof stripeSubscriptions.$inferSelect;

/**
 * Stores the snapshot iff it is fresher than the stored one (`stored`). Locks the row either way
 * and returns it as it now stands, so the handler needs no second read.
 */
export async function upsertSubscriptionSnapshot(db: Tx, row: SnapshotColumns & { freshness: string }): Promise<{ stored: boolean; row: SubscriptionRow }> {
  const { id, ...fields } = row;
  const [stored] = await db
    .insert(stripeSubscriptions)
    .values(row)
    .onConflictDoUpdate({
      target: stripeSubscriptions.id,
      set: { ...fields, updatedAt: new Date() },
      // Byte-wise comparison: the key is built for it (lib/billing/ledger/ordering.ts).
      setWhere: sql`${stripeSubscriptions.freshness} is null or ${stripeSubscriptions.freshness} collate "C" < ${row.freshness} collate "C"`,
    })
    .returning();
  if (stored) return { stored: true, row: stored };
  // Older than what is stored: the conflict still locked the row (PostgreSQL locks it even when
  // the update's WHERE is false), so this read sees what the rest of the transaction will.
  const current = await getSubscription(db, id);
  if (!current) throw new Error(`subscription ${id} vanished under its lock`);
  return { stored: false, row: current };
}

/** Creates a placeholder for a subscription named before its first snapshot; locks and returns it. */
export async function lockSubscription(db: Tx, id: string, customerId: string | null): Promise<SubscriptionRow> {
  const [row] = await db
    .insert(stripeSubscriptions)
    .values({ id, customerId })
    .onConflictDoUpdate({ target: stripeSubscriptions.id, set: { customerId: sql`coalesce(${stripeSubscriptions.customerId}, excluded.customer_id)` } })
    .returning();
  return row;
}

export async function getSubscription(db: Tx, id: string) {
  const [row] = await db.select().from(stripeSubscriptions).where(eq(stripeSubscriptions.id, id)).limit(1);
  return row ?? null;
}

// A stronger link wins; between equal ones the lower member id, so the outcome is order-free
// (lib/billing/ledger/link-member.ts decides the same on the locked row before writing). Returns
// the row when the link changed, else null.
export async function linkSubscriptionMember(db: Tx, id: string, memberId: number, rank: number): Promise<SubscriptionRow | null> {
  const s = stripeSubscriptions;
  const [row] = await db
    .update(s)
    .set({ memberId, memberLinkRank: rank, updatedAt: new Date() })
    .where(and(eq(s.id, id), or(lt(s.memberLinkRank, rank), and(eq(s.memberLinkRank, rank), or(isNull(s.memberId), gt(s.memberId, memberId))))))
    .returning();
  return row ?? null;
}

export async function setPendingMemberClaim(db: Tx, id: string, email: string, name: string | null): Promise<SubscriptionRow | null> {
  const [row] = await db.update(stripeSubscriptions).set({ pendingEmail: email, pendingName: name }).where(eq(stripeSubscriptions.id, id)).returning();
  return row ?? null;
}

export async function setSubscriptionTier(db: Tx, id: string, publicationId: number | null, tierSlug: string | null) {
  await db.update(stripeSubscriptions).set({ publicationId, tierSlug }).where(eq(stripeSubscriptions.id, id));
}

export async function upsertInvoice(db: Tx, inv: typeof stripeInvoices.$inferInsert) {
  const i = stripeInvoices;
  const [row] = await db
    .insert(i)
    .values(inv)
    .onConflictDoUpdate({
      target: i.id,
      set: {
        subscriptionId: sql`coalesce(${i.subscriptionId}, excluded.subscription_id)`,
        customerId: sql`coalesce(${i.customerId}, excluded.customer_id)`,
        // Once paid, an invoice stays paid, whichever of its events arrives last.
        status: sql`case when ${i.status} = 'paid' then 'paid' else coalesce(excluded.status, ${i.status}) end`,
        amountPaid: sql`greatest(${i.amountPaid}, excluded.amount_paid)`,
        currency: sql`coalesce(${i.currency}, excluded.currency)`,
        periodStart: sql`least(${i.periodStart}, excluded.period_start)`,
        periodEnd: sql`greatest(${i.periodEnd}, excluded.period_end)`,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row;
}

/** Locks (creating a placeholder if needed) and returns the invoice. */
export function lockInvoice(db: Tx, id: string) {
  return upsertInvoice(db, { id });
}

export async function upsertPayment(db: Tx, p: typeof stripePayments.$inferInsert & { id: string }) {
  const t = stripePayments;
  const [row] = await db
    .insert(t)
    .values(p)
    .onConflictDoUpdate({
      target: t.id,
      set: {
        chargeId: sql`coalesce(${t.chargeId}, excluded.charge_id)`,
        invoiceId: sql`coalesce(${t.invoiceId}, excluded.invoice_id)`,
        customerId: sql`coalesce(${t.customerId}, excluded.customer_id)`,
        amount: sql`greatest(${t.amount}, excluded.amount)`,
        amountRefunded: sql`greatest(${t.amountRefunded}, excluded.amount_refunded)`,
        // The first instant it was seen fully refunded (least() skips nulls).
        refundedAt: sql`least(${t.refundedAt}, excluded.refunded_at)`,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row;
}

export async function listSubscriptionRefunds(db: Tx, subscriptionId: string) {
  return db
    .select({ refundedAt: stripePayments.refundedAt, invoicePeriodEnd: stripeInvoices.periodEnd })
    .from(stripePayments)
    .innerJoin(stripeInvoices, eq(stripeInvoices.id, stripePayments.invoiceId))
    .where(and(eq(stripeInvoices.subscriptionId, subscriptionId), isNotNull(stripePayments.refundedAt)));
}

/** Remembers the member's Stripe customer unless they have one or another member holds it. */
export async function attachStripeCustomer(db: Tx, memberId: number, customerId: string) {
  await db
    .update(members)
    .set({ stripeCustomerId: customerId, updatedAt: new Date() })
    .where(
      and(
        eq(members.id, memberId),
        isNull(members.stripeCustomerId),
        sql`not exists (select 1 from ${members} as other where other.stripe_customer_id = ${customerId})`,
      ),
    );
}

export async function updateGrantFields(db: Tx, grantId: number, fields: Partial<typeof grants.$inferInsert>) {
  await db
    .update(grants)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(grants.id, grantId));
}

// Studio reads.
export async function listMemberSubscriptions(db: Tx, memberId: number) {
  return db.select().from(stripeSubscriptions).where(eq(stripeSubscriptions.memberId, memberId)).orderBy(desc(stripeSubscriptions.updatedAt));
}

export async function listMemberStripeEvents(db: Tx, memberId: number, limit = 50) {
  return db.select().from(stripeEvents).where(eq(stripeEvents.memberId, memberId)).orderBy(desc(stripeEvents.created)).limit(limit);
}

export async function listUnappliedStripeEvents(db: Tx, limit = 50) {
  return db.select().from(stripeEvents).where(eq(stripeEvents.status, "unapplied")).orderBy(desc(stripeEvents.receivedAt)).limit(limit);
}

// Every publication's tiers, with what maps Stripe prices to them (lib/billing/tiers.ts).
export async function listBillingTiers(db: Tx) {
  return db
    .select({
      publicationId: tiers.publicationId,
      publicationSlug: publications.slug,
      primaryPublication: publications.isPrimary,
      slug: tiers.slug,
      name: tiers.name,
      rank: tiers.rank,
      canComment: tiers.canComment,
      stripeMonthlyPriceId: tiers.stripeMonthlyPriceId,
      stripeYearlyPriceId: tiers.stripeYearlyPriceId,
    })
    .from(tiers)
    .innerJoin(publications, eq(publications.id, tiers.publicationId));
}
