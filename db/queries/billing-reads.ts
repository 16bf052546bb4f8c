import { and, count, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { grants, members, stripeEvents, stripeInvoices, stripePayments, type StripeEventStatus } from "../schema";
import type { Tx } from "./billing";

// Reads for the demo portal, the studio billing view and the reconcile command. Loads only; the
// decisions live in lib/billing.

/** The subscription's most recent paid invoice (the one a refund of "the last payment" reverses). */
export async function getLatestPaidInvoice(db: Tx, subscriptionId: string) {
  const [row] = await db
    .select()
    .from(stripeInvoices)
    .where(and(eq(stripeInvoices.subscriptionId, subscriptionId), eq(stripeInvoices.status, "paid")))
    .orderBy(sql`${stripeInvoices.periodEnd} desc nulls last`, desc(stripeInvoices.updatedAt))
    .limit(1);
  return row ?? null;
}

export async function getInvoicePayment(db: Tx, invoiceId: string) {
  const [row] = await db.select().from(stripePayments).where(eq(stripePayments.invoiceId, invoiceId)).orderBy(desc(stripePayments.updatedAt)).limit(1);
  return row ?? null;
}

// `scope`: one publication's events, plus (withUnknown) those that named no publication — a price
// no publication sells, or an event with no tier at all.
export type EventScope = { publicationId: number; withUnknown: boolean };
const inScope = (scope: EventScope) =>
  scope.withUnknown
    ? or(eq(stripeEvents.publicationId, scope.publicationId), isNull(stripeEvents.publicationId))
    : eq(stripeEvents.publicationId, scope.publicationId);

export async function listRecentStripeEvents(db: Tx, scope: EventScope, opts: { limit?: number; status?: StripeEventStatus } = {}) {
  return db
    .select({ event: stripeEvents, memberEmail: members.email })
    .from(stripeEvents)
    .leftJoin(members, eq(members.id, stripeEvents.memberId))
    .where(and(inScope(scope), opts.status ? eq(stripeEvents.status, opts.status) : undefined))
    .orderBy(desc(stripeEvents.receivedAt), desc(stripeEvents.created))
    .limit(opts.limit ?? 50);
}

export async function countStripeEventsByStatus(db: Tx, scope: EventScope): Promise<Record<StripeEventStatus, number>> {
  const rows = await db.select({ status: stripeEvents.status, n: count() }).from(stripeEvents).where(inScope(scope)).groupBy(stripeEvents.status);
  const out: Record<StripeEventStatus, number> = { applied: 0, ignored: 0, unapplied: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/** Stripe grants that still give (or will give) access after `now`: the reconcile's orphan check. */
export async function listLiveStripeGrants(db: Tx, now: Date) {
  return db
    .select({ grant: grants, email: members.email })
    .from(grants)
    .innerJoin(members, eq(members.id, grants.memberId))
    .where(and(eq(grants.source, "stripe"), isNull(grants.revokedAt), or(isNull(grants.endsAt), gt(grants.endsAt, now))));
}
