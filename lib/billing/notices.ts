import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/queries/billing";
import { getSubscription } from "@/db/queries/billing";
import { enqueueNotice } from "@/db/queries/email";
import { members, tiers } from "@/db/schema";

// The billing notices (design §11), queued in the event's own transaction: a receipt for each paid
// invoice, a confirmation when a subscription is set to cancel or ends. Each is keyed so that
// Stripe's retries, duplicates and out-of-order deliveries queue it once.

// The member's address and the tier's names in one query (a notice needs both; webhooks queue
// hundreds a second). No address, no notice.
async function recipientAndTier(tx: Tx, memberId: number, publicationId: number, slug: string) {
  const [row] = await tx
    .select({ email: members.email, name: tiers.name, nameEn: tiers.nameEn })
    .from(members)
    .leftJoin(tiers, and(eq(tiers.publicationId, publicationId), eq(tiers.slug, slug)))
    .where(eq(members.id, memberId))
    .limit(1);
  if (!row?.email) return null;
  return { email: row.email, tierName: { ko: row.name ?? slug, en: row.nameEn || row.name || slug } };
}

export type PaidInvoice = {
  id: string;
  subscriptionId: string;
  amountPaid: number | null;
  currency: string | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  /** The VAT included in amountPaid, when the provider states it (Korean receipts show it). */
  vat?: number | null;
};

export async function queueReceipt(tx: Tx, memberId: number, invoice: PaidInvoice): Promise<void> {
  // A zero invoice (a trial's first) is no payment to confirm.
  if (!invoice.amountPaid || !invoice.currency) return;
  const sub = await getSubscription(tx, invoice.subscriptionId);
  if (!sub?.publicationId || !sub.tierSlug) return;
  const to = await recipientAndTier(tx, memberId, sub.publicationId, sub.tierSlug);
  if (!to) return;
  await enqueueNotice(tx, {
    publicationId: sub.publicationId,
    memberId,
    email: to.email,
    kind: "receipt",
    dedupeKey: `receipt:${invoice.id}`,
    payload: {
      amount: invoice.amountPaid,
      currency: invoice.currency.toLowerCase(),
      tierName: to.tierName,
      periodStart: invoice.periodStart?.toISOString() ?? null,
      periodEnd: invoice.periodEnd?.toISOString() ?? null,
      reference: invoice.id,
      ...(invoice.vat != null ? { vat: invoice.vat } : {}),
    },
  });
}

export type SubscriptionState = {
  id: string;
  status: string | null;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: Date | null;
  endedAt: Date | null;
  publicationId: number | null;
  tierSlug: string | null;
};

// Once per (subscription, end of access): a cancel at period end names the date access ends; an
// immediate cancellation says it has ended.
export async function queueCancellationNotice(tx: Tx, memberId: number, sub: SubscriptionState): Promise<void> {
  const cancelled = sub.cancelAtPeriodEnd || sub.status === "canceled";
  if (!cancelled || !sub.publicationId || !sub.tierSlug) return;
  const to = await recipientAndTier(tx, memberId, sub.publicationId, sub.tierSlug);
  if (!to) return;
  const accessEnds = sub.status === "canceled" ? null : sub.currentPeriodEnd;
  await enqueueNotice(tx, {
    publicationId: sub.publicationId,
    memberId,
    email: to.email,
    kind: "cancellation",
    dedupeKey: `cancellation:${sub.id}:${(sub.currentPeriodEnd ?? sub.endedAt)?.toISOString() ?? "end"}`,
    payload: { tierName: to.tierName, accessEnds: accessEnds?.toISOString() ?? null },
  });
}
