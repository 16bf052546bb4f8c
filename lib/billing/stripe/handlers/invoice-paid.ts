import { applyInvoiceEvent } from "../apply-invoice";
import type { Handler } from "../context";

export const invoicePaid: Handler = (ctx) => applyInvoiceEvent(ctx, "paid");
