import { lockInvoice, lockSubscription, upsertPayment } from "@/db/queries/billing";
import { parsePayload, type Handler } from "../context";
import { paymentRef } from "../../ledger/facts";
import { invoicePaymentSchema } from "../payloads";
import { reconcileSubscriptionGrant } from "../../ledger/reconcile";

// Since API 2025-03-31 neither invoices nor charges name each other; this event is the link
// (invoice ↔ payment intent) that lets a charge.refunded find the grant it paid for. A refund
// recorded before the link arrived is applied now.
export const invoicePaymentPaid: Handler = async (ctx) => {
  const payment = parsePayload(invoicePaymentSchema, ctx.event.data.object);
  const ref = paymentRef(payment.payment);
  if (!ref) return { status: "ignored", reason: "payment has no payment intent or charge", objectId: payment.invoice };

  await upsertPayment(ctx.tx, { id: ref.key, chargeId: ref.chargeId, invoiceId: payment.invoice });
  const invoice = await lockInvoice(ctx.tx, payment.invoice);
  if (!invoice.subscriptionId) return { status: "applied", reason: "invoice not seen yet; linked for later", objectId: payment.invoice };
  const sub = await lockSubscription(ctx.tx, invoice.subscriptionId, invoice.customerId);
  const outcome = await reconcileSubscriptionGrant(ctx, sub);
  return { status: "applied", memberId: outcome.memberId ?? sub.memberId, objectId: payment.invoice };
};
