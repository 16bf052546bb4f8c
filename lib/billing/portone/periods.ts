import type { PortOneInterval } from "@/db/schema";
import { addInterval } from "../demo/events";

// Periods and identifiers of Masthead-run PortOne subscriptions. Pure.

/** Where a period starting at `start` ends: a calendar month or year (Jan 31 → Feb 28), or a test length. */
export function periodEnd(start: Date, interval: PortOneInterval, periodSeconds: number | null): Date {
  const s = Math.floor(start.getTime() / 1000);
  return new Date((periodSeconds ? s + periodSeconds : addInterval(s, interval === "monthly" ? "month" : "year")) * 1000);
}

/**
 * The PortOne paymentId of a subscription's period: the same for every attempt at that period, so
 * PortOne itself refuses a second charge (ALREADY_PAID) whoever retries, whenever.
 */
export const periodPaymentId = (subscriptionId: string, periodIndex: number) => `${subscriptionId}-p${periodIndex}`;

/** Retries of a failed renewal, measured from the period end; after the last one the subscription ends. */
export const RETRY_AFTER_MS = [6 * 3_600_000, 24 * 3_600_000, 48 * 3_600_000] as const;
/** PortOne unreachable is not the member's failure: try again soon, without counting an attempt. */
export const UNREACHABLE_RETRY_MS = 5 * 60_000;

/** When to try again after `attempts` failed charges (null: give up, the subscription ends). */
export function nextRetryAt(periodEndAt: Date, attempts: number, now: Date): Date | null {
  const delay = RETRY_AFTER_MS[attempts - 1];
  if (delay === undefined) return null;
  return new Date(Math.max(now.getTime() + 60_000, periodEndAt.getTime() + delay));
}

/** Korean rules for a PortOne price: whole won, at least ₩100 (PGs refuse less). */
export function krwPriceProblem(amount: number | null, currency: string): string | null {
  if (currency.toLowerCase() !== "krw") return `PortOne charges in KRW; this price is in ${currency.toUpperCase()}`;
  if (amount === null || !Number.isInteger(amount)) return "KRW amounts are whole won";
  if (amount < 100) return "a KRW price must be at least ₩100";
  return null;
}
