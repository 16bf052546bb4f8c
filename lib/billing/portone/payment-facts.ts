import { z } from "zod";
import type { PortOnePaymentStatus } from "@/db/schema";

// A PortOne payment (GET /payments/{paymentId}, the SDK's `Payment`) reduced to the facts billing
// keeps. Pure. Only these fields are read; anything else in the object is ignored.

const iso = z.iso.datetime({ offset: true });
const cancellationSchema = z.object({
  status: z.string(),
  totalAmount: z.number().int().nonnegative(),
  cancelledAt: iso.optional(),
  requestedAt: iso.optional(),
});

export const portonePaymentSchema = z.object({
  id: z.string().min(1).max(200),
  status: z.string(),
  storeId: z.string().optional(),
  billingKey: z.string().optional(),
  amount: z.object({
    total: z.number().int().nonnegative(),
    paid: z.number().int().nonnegative().optional(),
    cancelled: z.number().int().nonnegative().optional(),
    vat: z.number().int().nonnegative().optional(),
  }),
  currency: z.string().min(3).max(3),
  statusChangedAt: iso.optional(),
  updatedAt: iso.optional(),
  requestedAt: iso.optional(),
  paidAt: iso.optional(),
  failedAt: iso.optional(),
  cancelledAt: iso.optional(),
  failure: z.object({ reason: z.string().optional(), pgCode: z.string().optional(), pgMessage: z.string().optional() }).optional(),
  cancellations: z.array(cancellationSchema).optional(),
});

export type PaymentFact = {
  paymentId: string;
  status: PortOnePaymentStatus | "OTHER";
  amount: number;
  currency: string;
  vat: number | null;
  paidAt: Date | null;
  failedAt: Date | null;
  failureReason: string | null;
  /** Refunded so far (partial and full cancellations that succeeded). */
  cancelledAmount: number;
  /** The last successful cancellation (for a fully cancelled payment: when it became so). */
  cancelledAt: Date | null;
  changedAt: Date;
};

const KNOWN: readonly string[] = ["READY", "FAILED", "PAID", "PARTIAL_CANCELLED", "CANCELLED"];
const date = (s: string | undefined) => (s ? new Date(s) : null);

export function toPaymentFact(raw: unknown): PaymentFact | null {
  const parsed = portonePaymentSchema.safeParse(raw);
  if (!parsed.success) return null;
  const p = parsed.data;
  const succeeded = (p.cancellations ?? []).filter((c) => c.status === "SUCCEEDED");
  const cancelledAmount = p.amount.cancelled ?? succeeded.reduce((sum, c) => sum + c.totalAmount, 0);
  const lastCancel = succeeded
    .map((c) => c.cancelledAt ?? c.requestedAt)
    .filter((s): s is string => Boolean(s))
    .sort()
    .at(-1);
  const changedAt = date(p.statusChangedAt ?? p.updatedAt ?? p.paidAt ?? p.failedAt ?? p.requestedAt) ?? new Date(0);
  return {
    paymentId: p.id,
    status: KNOWN.includes(p.status) ? (p.status as PortOnePaymentStatus) : "OTHER",
    amount: p.amount.total,
    currency: p.currency.toLowerCase(),
    vat: p.amount.vat ?? null,
    paidAt: date(p.paidAt),
    failedAt: date(p.failedAt),
    failureReason: p.failure ? [p.failure.reason, p.failure.pgMessage].filter(Boolean).join(" / ").slice(0, 300) || null : null,
    cancelledAmount,
    cancelledAt: date(p.cancelledAt ?? lastCancel),
    changedAt,
  };
}

/*
 * The ordering rule for payments. A PortOne payment only moves forward: READY → FAILED (again, on
 * each failed attempt) → PAID → PARTIAL_CANCELLED (the cancelled amount growing) → CANCELLED, and
 * PortOne never takes a paid payment twice. Webhooks carry only ids, so every handler fetches the
 * payment; two handlers may fetch at different moments and commit in either order. The stored
 * snapshot is replaced only by one whose key is strictly greater: status step, then the cancelled
 * amount, then statusChangedAt — so an older fetch never overwrites a newer one. Fixed-width ASCII,
 * compared byte-wise like the Stripe key (lib/billing/ledger/ordering.ts).
 */
const STEP: Record<PaymentFact["status"], number> = { OTHER: 0, READY: 0, FAILED: 1, PAID: 2, PARTIAL_CANCELLED: 3, CANCELLED: 4 };
const pad = (n: number, width: number) => String(Math.max(0, Math.min(Math.floor(n), 10 ** width - 1))).padStart(width, "0");

export function paymentFreshness(f: Pick<PaymentFact, "status" | "cancelledAmount" | "changedAt">): string {
  return [String(STEP[f.status]), pad(f.cancelledAmount, 12), pad(f.changedAt.getTime(), 15)].join(":");
}

export const isPaidStatus = (s: string | null) => s === "PAID" || s === "PARTIAL_CANCELLED" || s === "CANCELLED";

/** Why a fact cannot be about the payment Masthead asked for (null: it matches). */
export function mismatchReason(fact: Pick<PaymentFact, "amount" | "currency">, expected: { amount: number; currency: string }): string | null {
  if (fact.currency !== expected.currency.toLowerCase()) return `currency ${fact.currency} is not the price's ${expected.currency}`;
  if (fact.amount !== expected.amount) return `amount ${fact.amount} is not the price's ${expected.amount}`;
  return null;
}

/** The VAT inside a VAT-inclusive won amount (10 %), as Korean receipts state it. */
export const vatIncluded = (total: number) => Math.round(total / 11);
