import type { Db } from "@/db/client";
import { getSubscription } from "@/db/queries/billing";
import { getPublicationById } from "@/db/queries/publications";
import { listTiers } from "@/db/queries/taxonomy";
import type { Member } from "@/db/schema/index";
import { AppError } from "@/lib/http/errors";
import { resolveCheckoutPlan } from "../checkout-plan";
import { demoCancel, demoCheckout, demoRefund, demoResume, type DemoEvent } from "./events";
import { toStripeInterval, type DemoIntent } from "./intent";
import { listDemoSubscriptions, nextDemoEventAt } from "./state";

// The demo checkout's "Pay" and the demo portal's buttons: build the events Stripe would send and
// hand them to the webhook. Nothing here writes billing state itself — the webhook does, with the
// same code as in production. Callers have verified the viewer; `deliver` is the webhook hop.

export type Deliver = (events: readonly DemoEvent[]) => Promise<void>;
export type DemoDeps = { deliver: Deliver; periodSeconds?: number | null };

export const demoSubscriptionId = (intent: Pick<DemoIntent, "nonce">) => `sub_demo${intent.nonce}`;

export async function completeDemoCheckout(db: Db, member: Member, intent: DemoIntent, deps: DemoDeps, now: Date) {
  if (intent.memberId !== member.id) throw new AppError("forbidden", "checkout", "This checkout belongs to another account.");
  const pub = await getPublicationById(db, intent.publicationId);
  const plan = pub ? resolveCheckoutPlan(pub, await listTiers(db, pub.id), intent.tier, intent.interval) : null;
  if (!plan) throw new AppError("invalid", "checkout", "This plan is no longer offered.");
  const subscriptionId = demoSubscriptionId(intent);
  // Paying twice with one intent (double click, back button) is one subscription, like Stripe's
  // one-time Checkout Session.
  if ((await getSubscription(db, subscriptionId))?.snapshot) return { subscriptionId, tierSlug: plan.tier.slug, alreadyPaid: true };
  const step = demoCheckout(
    {
      member,
      tierKey: plan.tierKey,
      interval: toStripeInterval(plan.interval),
      amount: plan.amount,
      currency: plan.currency,
      customerId: member.stripeCustomerId,
      subscriptionId,
      periodSeconds: deps.periodSeconds ?? null,
    },
    now,
  );
  await deps.deliver(step.events);
  return { subscriptionId, tierSlug: plan.tier.slug, alreadyPaid: false };
}

export const demoPortalActions = ["cancel", "resume", "refund"] as const;
export type DemoPortalAction = (typeof demoPortalActions)[number];

export async function runDemoPortalAction(db: Db, member: Member, subscriptionId: string, action: DemoPortalAction, deps: DemoDeps, now: Date) {
  // Only the member's own subscriptions are listed, so another member's id is simply not found.
  const view = (await listDemoSubscriptions(db, member, now)).find((v) => v.state.subscriptionId === subscriptionId);
  if (!view) throw new AppError("not_found", "subscription", "No such subscription on this account.");
  if (!view.actions[action]) throw new AppError("conflict", "subscription", "This change is not available for the subscription any more.");
  // A refund ends the subscription (a terminal snapshot wins whatever its time), so it is dated
  // now: access ends on the next request. A cancel or resume waits, at most a second, until it
  // can be dated after the stored snapshot.
  const at = action === "refund" ? now : nextDemoEventAt(view, now);
  const wait = at.getTime() - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const step = action === "cancel" ? demoCancel(view.state, at) : action === "resume" ? demoResume(view.state, at) : demoRefund(view.state, at);
  await deps.deliver(step.events);
  return { subscriptionId, action };
}
