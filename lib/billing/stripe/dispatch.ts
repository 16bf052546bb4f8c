import type { Handler, HandlerContext, HandlerResult } from "./context";
import { PayloadError } from "./context";
import { chargeRefunded } from "./handlers/charge-refunded";
import { checkoutSessionCompleted } from "./handlers/checkout-session-completed";
import { customerSubscriptionCreated } from "./handlers/customer-subscription-created";
import { customerSubscriptionDeleted } from "./handlers/customer-subscription-deleted";
import { customerSubscriptionUpdated } from "./handlers/customer-subscription-updated";
import { invoicePaid } from "./handlers/invoice-paid";
import { invoicePaymentFailed } from "./handlers/invoice-payment-failed";
import { invoicePaymentPaid } from "./handlers/invoice-payment-paid";

// One handler per event type. Types not listed are acknowledged (200) and recorded as ignored:
// answering 4xx would make Stripe retry and eventually disable the endpoint.
export const handlers: Readonly<Record<string, Handler>> = {
  "checkout.session.completed": checkoutSessionCompleted,
  "customer.subscription.created": customerSubscriptionCreated,
  "customer.subscription.updated": customerSubscriptionUpdated,
  "customer.subscription.deleted": customerSubscriptionDeleted,
  "invoice.paid": invoicePaid,
  "invoice.payment_failed": invoicePaymentFailed,
  "invoice_payment.paid": invoicePaymentPaid,
  "charge.refunded": chargeRefunded,
};

export const handledEventTypes = Object.keys(handlers);

export async function dispatchEvent(ctx: HandlerContext): Promise<HandlerResult> {
  const handler = Object.hasOwn(handlers, ctx.event.type) ? handlers[ctx.event.type] : undefined;
  if (!handler) return { status: "ignored", reason: "event type not handled" };
  try {
    return await handler(ctx);
  } catch (err) {
    // A payload we cannot read will not read better on retry: record it and answer 200.
    if (err instanceof PayloadError) return { status: "unapplied", reason: err.message };
    throw err;
  }
}
