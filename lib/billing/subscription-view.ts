import type { StripeSubscription } from "@/db/schema";
import { subscriptionSnapshotSchema } from "./ledger/facts";
import type { SubscriptionStatus } from "./stripe/payloads";

// How a subscription reads to its member: "renews on <date>" or "ends on <date>". Pure.

const RENEWING: readonly string[] = ["active", "trialing", "past_due"] satisfies readonly SubscriptionStatus[];

/**
 * `endsAt` is the end of the access the subscription grants (its grant's endsAt). It renews there
 * when Stripe will bill again: a live status and no cancel scheduled — cancel_at_period_end, or a
 * cancel_at date (what newer portals set instead).
 */
export function resolveRenewal(sub: Pick<StripeSubscription, "status" | "cancelAtPeriodEnd" | "snapshot">, endsAt: Date): { renews: boolean; at: Date } {
  const snapshot = subscriptionSnapshotSchema.safeParse(sub.snapshot);
  const cancelScheduled = sub.cancelAtPeriodEnd || (snapshot.success && snapshot.data.cancelAt !== null);
  return { renews: sub.status !== null && RENEWING.includes(sub.status) && !cancelScheduled, at: endsAt };
}
