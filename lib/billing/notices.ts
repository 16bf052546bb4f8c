import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/queries/billing";
import { getSubscription } from "@/db/queries/billing";
import { enqueueNotice } from "@/db/queries/email";
import { members, tiers } from "@/db/schema";

// The billing notices (design §11), queued in the event's own transaction: a receipt for each paid
// invoice, a confirmation when a subscription is set to cancel or ends. Each is keyed so that
// Stripe's retries, duplicates and out-of-order deliveries queue it once.

async function recipient(tx: Tx, memberId: number) {
  const [m] = await tx.select({ email: members.email }).from(members).where(eq(members.id, memberId)).limit(1);
  return m?.email ?? null;
}

async function tierNames(tx: Tx, publicationId: number, slug: string) {
  const [t] = await tx
    .select({ name: tiers.name, nameEn: tiers.nameEn })
    .from(tiers)
    .where(and(eq(tiers.publicationId, publicationId), eq(tiers.slug, slug)))
    .limit(1);
  return { ko: t?.name ?? slug, en: t?.nameEn || t?.name || slug };
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
  const email = await recipient(tx, memberId);
  if (!sub?.publicationId || !sub.tierSlug || !email) return;
  await enqueueNotice(tx, {
    publicationId: sub.publicationId,
    memberId,
    email,
    kind: "receipt",
    dedupeKey: `receipt:${invoice.id}`,
    payload: {
      amount: invoice.amountPaid,
      currency: invoice.currency.toLowerCase(),
      tierName: await tierNames(tx, sub.publicationId, sub.tierSlug),
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
  const email = await recipient(tx, memberId);
  if (!email) return;
  const accessEnds = sub.status === "canceled" ? null : sub.currentPeriodEnd;
  await enqueueNotice(tx, {
    publicationId: sub.publicationId,
    memberId,
    email,
    kind: "cancellation",
    dedupeKey: `cancellation:${sub.id}:${(sub.currentPeriodEnd ?? sub.endedAt)?.toISOString() ?? "end"}`,
    payload: { tierName: await tierNames(tx, sub.publicationId, sub.tierSlug), accessEnds: accessEnds?.toISOString() ?? null },
  });
}
