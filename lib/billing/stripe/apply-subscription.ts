import { upsertSubscriptionSnapshot } from "@/db/queries/billing";
import { parsePayload, type HandlerContext, type HandlerResult } from "./context";
import { parseMemberRef, toSubscriptionSnapshot } from "../ledger/facts";
import { linkSubscriptionToMember } from "../ledger/link-member";
import { queueCancellationNotice } from "../notices";
import { freshnessKey } from "../ledger/ordering";
import { subscriptionSchema } from "./payloads";
import { reconcileSubscriptionGrant } from "../ledger/reconcile";
import { resolveSubscriptionTier } from "../tiers";

const sec = (n: number | null) => (n === null ? null : new Date(n * 1000));

// customer.subscription.created|updated|deleted all carry a full snapshot and are applied alike:
// store it if it is the freshest (see ordering.ts), link the member, re-derive the grant.
export async function applySubscriptionEvent(ctx: HandlerContext): Promise<HandlerResult> {
  const payload = parsePayload(subscriptionSchema, ctx.event.data.object);
  const snapshot = toSubscriptionSnapshot(payload);
  const main = resolveSubscriptionTier(snapshot.items, await ctx.tiers());
  const item = main?.item ?? snapshot.items[0] ?? null;

  const { stored, row } = await upsertSubscriptionSnapshot(ctx.tx, {
    id: snapshot.id,
    customerId: snapshot.customerId,
    status: snapshot.status,
    publicationId: main?.tier.publicationId ?? null,
    tierSlug: main?.tier.slug ?? null,
    priceId: item?.priceId ?? null,
    interval: item?.interval ?? null,
    currentPeriodStart: sec(item?.periodStart ?? null),
    currentPeriodEnd: sec(item?.periodEnd ?? null),
    cancelAtPeriodEnd: snapshot.cancelAtPeriodEnd,
    canceledAt: sec(snapshot.canceledAt),
    endedAt: sec(snapshot.endedAt),
    snapshotAt: ctx.eventAt,
    freshness: freshnessKey(snapshot, ctx.event),
    snapshot,
  });

  const linked = await linkSubscriptionToMember(ctx, row, {
    explicit: [parseMemberRef(payload.metadata.memberId)],
    customerId: snapshot.customerId,
    email: null,
  });
  const outcome = await reconcileSubscriptionGrant(ctx, linked);
  // Reconciling may link a member an earlier checkout named by email (lib/billing/ledger/link-member.ts).
  const memberId = outcome.memberId ?? linked.memberId;
  const base = { memberId, objectId: snapshot.id, publicationId: main?.tier.publicationId ?? null };

  if (!stored) return { ...base, status: "ignored", reason: "older than the stored snapshot (ordering rule)" };
  if (outcome.plan?.mapping.kind === "none" && outcome.plan.mapping.code === "unknown_price") {
    return { ...base, status: "unapplied", reason: outcome.plan.mapping.reason };
  }
  if (memberId === null) return { ...base, status: "unapplied", reason: `no member linked to customer ${snapshot.customerId} yet` };
  await queueCancellationNotice(ctx.tx, memberId, {
    id: snapshot.id,
    status: snapshot.status,
    cancelAtPeriodEnd: snapshot.cancelAtPeriodEnd,
    currentPeriodEnd: sec(item?.periodEnd ?? null),
    endedAt: sec(snapshot.endedAt),
    publicationId: main?.tier.publicationId ?? null,
    tierSlug: main?.tier.slug ?? null,
  });
  return { ...base, status: "applied", reason: outcome.plan?.mapping.kind === "none" ? outcome.plan.mapping.reason : null };
}
