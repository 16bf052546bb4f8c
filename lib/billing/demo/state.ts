import type { Db } from "@/db/client";
import { listMemberSubscriptions } from "@/db/queries/billing";
import { getInvoicePayment, getLatestPaidInvoice } from "@/db/queries/billing-reads";
import type { Member } from "@/db/schema/index";
import { demoId, type DemoState } from "./objects";
import { demoItemId } from "./events";
import { subscriptionSnapshotSchema } from "../ledger/facts";
import { isTerminalStatus } from "../ledger/ordering";
import type { SubscriptionStatus } from "../stripe/payloads";

// The demo portal's view of a member's demo subscriptions, rebuilt from the facts the webhook
// stored (snapshot, latest paid invoice, its payment) — the demo keeps no state of its own, so
// what the portal shows is exactly what the webhook applied.

export type DemoActions = { cancel: boolean; resume: boolean; refund: boolean };

export type DemoSubscriptionView = {
  state: DemoState;
  // The publication and tier its price maps to (null: a price no publication sells).
  publicationId: number | null;
  tierSlug: string | null;
  status: SubscriptionStatus;
  cancelAtPeriodEnd: boolean;
  refunded: boolean;
  /** event.created of the stored snapshot: the portal's next event must be later (ordering rule). */
  snapshotAt: Date;
  actions: DemoActions;
};

export const isDemoSubscriptionId = (id: string) => /^sub_demo[0-9a-f]{20}$/.test(id);

/** What the demo portal offers, like Stripe's: nothing once ended; cancel XOR resume; one refund. */
export function resolveDemoActions(
  s: { status: SubscriptionStatus; cancelAtPeriodEnd: boolean; periodEnd: number; refunded: boolean; paid: boolean },
  now: Date,
): DemoActions {
  const live = !isTerminalStatus(s.status) && s.periodEnd * 1000 > now.getTime();
  return { cancel: live && !s.cancelAtPeriodEnd, resume: live && s.cancelAtPeriodEnd, refund: live && s.paid && !s.refunded };
}

/**
 * The earliest instant a new live snapshot of this subscription may be dated: the second after the
 * stored one. Event times are whole seconds, and two live snapshots within one second are ordered
 * by their (random) event ids (ordering.ts), so a cancel and a resume clicked within a second could
 * otherwise apply in either order. Never later than needed: events are not dated in the future.
 */
export function nextDemoEventAt(view: Pick<DemoSubscriptionView, "snapshotAt">, now: Date): Date {
  const nextSecond = (Math.floor(view.snapshotAt.getTime() / 1000) + 1) * 1000;
  return new Date(Math.max(now.getTime(), nextSecond));
}

export async function listDemoSubscriptions(db: Db, member: Member, now: Date): Promise<DemoSubscriptionView[]> {
  const views: DemoSubscriptionView[] = [];
  for (const row of await listMemberSubscriptions(db, member.id)) {
    if (!isDemoSubscriptionId(row.id) || !row.snapshot || !row.snapshotAt) continue;
    const snapshot = subscriptionSnapshotSchema.safeParse(row.snapshot);
    if (!snapshot.success) continue;
    const item = snapshot.data.items[0];
    const interval = item?.interval;
    if (!item || item.periodStart === null || item.periodEnd === null || (interval !== "month" && interval !== "year")) continue;
    const invoice = await getLatestPaidInvoice(db, row.id);
    const payment = invoice ? await getInvoicePayment(db, invoice.id) : null;
    const refunded = Boolean(payment?.refundedAt);
    const state: DemoState = {
      memberId: member.id,
      email: member.email,
      name: member.name,
      tierKey: item.lookupKey?.replace(/_(monthly|yearly)$/, "") ?? row.tierSlug ?? "unknown",
      interval,
      amount: invoice?.amountPaid ?? 0,
      currency: invoice?.currency ?? "krw",
      customerId: snapshot.data.customerId,
      subscriptionId: row.id,
      itemId: demoItemId(row.id),
      startDate: snapshot.data.startDate,
      periodStart: item.periodStart,
      periodEnd: item.periodEnd,
      invoiceId: invoice?.id ?? demoId("in"),
      paymentIntentId: payment?.id ?? demoId("pi"),
      // invoice_payment.paid names only the payment intent; the charge id first appears with the refund.
      chargeId: payment?.chargeId ?? demoId("ch"),
    };
    const status = snapshot.data.status;
    const cancelAtPeriodEnd = snapshot.data.cancelAtPeriodEnd;
    views.push({
      state,
      publicationId: row.publicationId,
      tierSlug: row.tierSlug,
      status,
      cancelAtPeriodEnd,
      refunded,
      snapshotAt: row.snapshotAt,
      actions: resolveDemoActions({ status, cancelAtPeriodEnd, periodEnd: item.periodEnd, refunded, paid: Boolean(payment) }, now),
    });
  }
  return views;
}
