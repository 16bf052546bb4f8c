import { lockInvoice, lockSubscription, upsertPayment } from "@/db/queries/billing";
import { parsePayload, type Handler } from "../context";
import { chargePaymentRef } from "../../ledger/facts";
import { chargeSchema } from "../payloads";
import { reconcileSubscriptionGrant } from "../../ledger/reconcile";

// A fully refunded charge revokes the grant of the subscription whose invoice it paid (at the
// event's instant); a partial refund changes nothing. The refund is recorded even when the charge
// cannot be tied to an invoice yet, and applied once invoice.paid / invoice_payment.paid link it.
export const chargeRefunded: Handler = async (ctx) => {
  const charge = parsePayload(chargeSchema, ctx.event.data.object);
  const ref = chargePaymentRef(charge);
  const full = charge.refunded || (charge.amount > 0 && charge.amount_refunded >= charge.amount);

  const payment = await upsertPayment(ctx.tx, {
    id: ref.key,
    chargeId: ref.chargeId,
    customerId: charge.customer ?? null,
    amount: charge.amount,
    amountRefunded: charge.amount_refunded,
    refundedAt: full ? ctx.eventAt : null,
  });
  if (!full) {
    return { status: "ignored", reason: `partial refund (${charge.amount_refunded} of ${charge.amount}); access unchanged`, objectId: charge.id };
  }
  if (!payment.invoiceId) {
    return { status: "unapplied", reason: "charge not linked to an invoice yet; applied when invoice_payment.paid arrives", objectId: charge.id };
  }
  const invoice = await lockInvoice(ctx.tx, payment.invoiceId);
  if (!invoice.subscriptionId) {
    return { status: "unapplied", reason: `invoice ${invoice.id} not seen yet; applied when invoice.paid arrives`, objectId: charge.id };
  }
  const sub = await lockSubscription(ctx.tx, invoice.subscriptionId, invoice.customerId);
  const outcome = await reconcileSubscriptionGrant(ctx, sub);
  return { status: "applied", memberId: outcome.memberId ?? sub.memberId, objectId: charge.id };
};
