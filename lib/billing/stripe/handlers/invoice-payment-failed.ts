import { applyInvoiceEvent } from "../apply-invoice";
import type { Handler } from "../context";

// Access does not change here: the subscription snapshot turning past_due carries the grace period.
export const invoicePaymentFailed: Handler = (ctx) => applyInvoiceEvent(ctx, "payment_failed");
