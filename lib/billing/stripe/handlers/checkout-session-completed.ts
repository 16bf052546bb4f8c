import { lockSubscription } from "@/db/queries/billing";
import { parsePayload, type Handler } from "../context";
import { parseMemberRef } from "../../ledger/facts";
import { linkSubscriptionToMember } from "../../ledger/link-member";
import { checkoutSessionSchema } from "../payloads";
import { reconcileSubscriptionGrant } from "../../ledger/reconcile";

// The session says who paid (client_reference_id = our member id, else the email typed at
// checkout) but not what or until when — that comes with the subscription snapshot, which may
// arrive before or after this event. So this links member ↔ customer ↔ subscription and re-derives
// the grant from whatever snapshot is already stored.
export const checkoutSessionCompleted: Handler = async (ctx) => {
  const session = parsePayload(checkoutSessionSchema, ctx.event.data.object);
  if (session.mode !== "subscription" || !session.subscription) {
    return { status: "ignored", reason: `checkout in ${session.mode} mode: only subscriptions grant access`, objectId: session.id };
  }
  const customerId = session.customer ?? null;
  const row = await lockSubscription(ctx.tx, session.subscription, customerId);
  const linked = await linkSubscriptionToMember(ctx, row, {
    explicit: [parseMemberRef(session.client_reference_id), parseMemberRef(session.metadata.memberId)],
    customerId,
    email: session.customer_details?.email ?? session.customer_email ?? null,
    name: session.customer_details?.name ?? null,
  });
  const memberId = linked.memberId;
  const outcome = await reconcileSubscriptionGrant(ctx, linked);
  if (memberId === null && outcome.memberId === null) {
    // An email claim waits on the subscription until its price is known (no phantom members).
    return {
      status: "unapplied",
      reason: "no member yet: no client_reference_id or known customer, and no snapshot of a known price for the email",
      objectId: session.subscription,
    };
  }
  const publicationId = outcome.plan?.mapping.kind === "grant" ? outcome.plan.mapping.publicationId : null;
  return { status: "applied", memberId: memberId ?? outcome.memberId, objectId: session.subscription, publicationId };
};
