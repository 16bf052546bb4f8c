import type { SubscriptionSnapshot } from "./facts";
import type { SubscriptionStatus } from "../stripe/payloads";

/*
 * The ordering rule. Stripe delivers events at least once and in no guaranteed order, and each
 * customer.subscription.* event carries a full snapshot of the subscription. Per subscription we
 * keep only the freshest snapshot seen: an incoming snapshot replaces the stored one iff its
 * freshness key is strictly greater, so an older snapshot never overwrites a newer one. The key,
 * compared field by field:
 *   1. terminal status (canceled, incomplete_expired): Stripe never moves a subscription out of
 *      them, so a terminal snapshot beats any live one whatever the timestamps say;
 *   2. event.created — when Stripe recorded the change (whole seconds, hence the tie-breaks);
 *   3. the latest item current_period_end: within one second, a renewal is newer than the period
 *      it replaces;
 *   4. status progress: incomplete < trialing < active < past_due < unpaid/paused;
 *   5. event type: created < updated < deleted;
 *   6. the event id: arbitrary but fixed, so two snapshots nothing else separates still resolve
 *      the same way in every delivery order.
 * The key is a total order and the stored key only ever grows, so every permutation of the same
 * events ends on the same snapshot; grants are derived from that snapshot (plus refunds) alone.
 * The key is fixed-width ASCII so PostgreSQL compares it byte-wise (COLLATE "C") inside the upsert.
 */

const TERMINAL: readonly SubscriptionStatus[] = ["canceled", "incomplete_expired"];

const STATUS_STEP: Record<SubscriptionStatus, number> = {
  incomplete: 0,
  trialing: 1,
  active: 2,
  past_due: 3,
  unpaid: 4,
  paused: 4,
  canceled: 5,
  incomplete_expired: 5,
};

const TYPE_STEP: Record<string, number> = {
  "customer.subscription.created": 0,
  "customer.subscription.updated": 1,
  "customer.subscription.deleted": 2,
};

export type SnapshotEvent = { id: string; type: string; created: number };

export function isTerminalStatus(status: SubscriptionStatus): boolean {
  return TERMINAL.includes(status);
}

const pad = (n: number, width: number) => String(Math.max(0, Math.min(n, 10 ** width - 1))).padStart(width, "0");

export function freshnessKey(snapshot: SubscriptionSnapshot, event: SnapshotEvent): string {
  const periodEnd = Math.max(0, ...snapshot.items.map((i) => i.periodEnd ?? 0));
  return [
    isTerminalStatus(snapshot.status) ? "1" : "0",
    pad(event.created, 12),
    pad(periodEnd, 12),
    String(STATUS_STEP[snapshot.status]),
    String(TYPE_STEP[event.type] ?? 1),
    event.id,
  ].join(":");
}

/** True when a snapshot with key `incoming` may replace the stored one (null: nothing stored yet). */
export function isFresher(incoming: string, stored: string | null): boolean {
  // Plain string comparison is code-unit order, which for ASCII equals PostgreSQL's "C" collation.
  return stored === null || incoming > stored;
}
