import { lockSubscription, upsertInvoice, upsertPayment } from "@/db/queries/billing";
import { parsePayload, type HandlerContext, type HandlerResult } from "./context";
import { toInvoiceFacts } from "../ledger/facts";
import { linkSubscriptionToMember } from "../ledger/link-member";
import { queueReceipt } from "../notices";
import { invoiceSchema } from "./payloads";
import { reconcileSubscriptionGrant } from "../ledger/reconcile";

const sec = (n: number | null) => (n === null ? null : new Date(n * 1000));

// invoice.paid / invoice.payment_failed. Access itself follows the subscription snapshot (a failed
// renewal shows up there as past_due); invoices contribute who paid (customer_email, possibly
// creating the member), which service period a payment bought, and payment ↔ invoice links when
// the payload carries them, so a later refund finds the grant it paid for.
export async function applyInvoiceEvent(ctx: HandlerContext, status: "paid" | "payment_failed"): Promise<HandlerResult> {
  const facts = toInvoiceFacts(parsePayload(invoiceSchema, ctx.event.data.object));
  if (!facts.subscriptionId) return { status: "ignored", reason: "not a subscription invoice", objectId: facts.id };

  // Lock order payment → invoice → subscription (db/queries/billing.ts).
  if (status === "paid") {
    for (const p of [...facts.payments].sort((a, b) => (a.key < b.key ? -1 : 1))) {
      await upsertPayment(ctx.tx, { id: p.key, chargeId: p.chargeId, invoiceId: facts.id, customerId: facts.customerId });
    }
  }
  await upsertInvoice(ctx.tx, {
    id: facts.id,
    subscriptionId: facts.subscriptionId,
    customerId: facts.customerId,
    status,
    amountPaid: status === "paid" ? facts.amountPaid : null,
    currency: facts.currency,
    periodStart: sec(facts.periodStart),
    periodEnd: sec(facts.periodEnd),
  });
  const row = await lockSubscription(ctx.tx, facts.subscriptionId, facts.customerId);
  const linked = await linkSubscriptionToMember(ctx, row, {
    explicit: [facts.memberRef],
    customerId: facts.customerId,
    email: facts.email,
    name: facts.name,
  });
  const memberId = linked.memberId;
  await reconcileSubscriptionGrant(ctx, linked);
  if (memberId === null) {
    return { status: "unapplied", reason: `no member for customer ${facts.customerId ?? "(none)"} and no valid email`, objectId: facts.id };
  }
  if (status === "paid") {
    await queueReceipt(ctx.tx, memberId, {
      id: facts.id,
      subscriptionId: facts.subscriptionId,
      amountPaid: facts.amountPaid,
      currency: facts.currency,
      periodStart: sec(facts.periodStart),
      periodEnd: sec(facts.periodEnd),
    });
  }
  return { status: "applied", memberId, objectId: facts.id };
}
