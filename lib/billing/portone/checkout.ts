import { z } from "zod";
import type { Db } from "@/db/client";
import { getPublicationById } from "@/db/queries/publications";
import { ensurePortOnePayment, getPortOneSubscription, insertPortOneSubscription, updatePortOneSubscription } from "@/db/queries/portone";
import { listTiers } from "@/db/queries/taxonomy";
import type { Member } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { resolveCheckoutPlan } from "../checkout-plan";
import type { DemoIntent } from "../demo/intent";
import { PortOneRefused, PortOneUnavailable, type PortOneApi } from "./api";
import { chargePeriod } from "./charge";
import { krwPriceProblem, periodEnd, periodPaymentId } from "./periods";
import { portoneCustomerId } from "./subscription-state";

// The end of a PortOne checkout: the browser (PortOne's window, or the demo's stand-in form) has
// issued a billing key for this member; check it with PortOne, record the subscription and charge
// its first period. The signed checkout intent names member, publication, tier and interval and
// fixes the subscription id, so paying twice with one intent is one subscription.

export type PortOneCheckoutOutcome = { ok: true; subscriptionId: string; pending: boolean } | { ok: false; code: "declined" | "unavailable"; message: string };

const billingKeySchema = z.object({ status: z.string(), billingKey: z.string(), customer: z.object({ id: z.string().optional() }).optional() });

export const portoneSubscriptionId = (intent: Pick<DemoIntent, "nonce">) => `pos_${intent.nonce}`;

export async function completePortOneCheckout(
  db: Db,
  api: PortOneApi,
  input: { member: Member; intent: DemoIntent; billingKey: string; pastDueGraceMs: number; periodSeconds: number | null },
  now: Date,
): Promise<PortOneCheckoutOutcome> {
  const { member, intent } = input;
  if (intent.memberId !== member.id) throw new AppError("forbidden", "checkout", "This checkout belongs to another account.");
  const pub = await getPublicationById(db, intent.publicationId);
  const plan = pub ? resolveCheckoutPlan(pub, await listTiers(db, pub.id), intent.tier, intent.interval) : null;
  if (!plan) throw new AppError("invalid", "checkout", "This plan is no longer offered.");
  const priceProblem = krwPriceProblem(plan.amount, plan.currency);
  if (priceProblem) throw new AppError("invalid", "price", priceProblem);

  // The key must be issued, and issued to this member: a key of another customer pays nothing here.
  let info: z.infer<typeof billingKeySchema>;
  try {
    const parsed = billingKeySchema.safeParse(await api.getBillingKeyInfo(input.billingKey));
    if (!parsed.success) throw new AppError("invalid", "billing_key", "PortOne answered with an unreadable billing key.");
    info = parsed.data;
  } catch (err) {
    if (err instanceof PortOneUnavailable) return { ok: false, code: "unavailable", message: err.message };
    if (err instanceof PortOneRefused) throw new AppError("invalid", "billing_key", `The billing key was refused (${err.code}).`);
    throw err;
  }
  if (info.status !== "ISSUED" || info.customer?.id !== portoneCustomerId(member.id)) {
    throw new AppError("forbidden", "billing_key", "This billing key was not issued to this account.");
  }

  const id = portoneSubscriptionId(intent);
  const existing = await getPortOneSubscription(db, id);
  if (existing && existing.periodIndex > 0) return { ok: true, subscriptionId: id, pending: false };
  const sub = existing
    ? await updatePortOneSubscription(db, id, { billingKey: input.billingKey })
    : ((await insertPortOneSubscription(db, {
        id,
        memberId: member.id,
        publicationId: plan.tier.publicationId,
        tierSlug: plan.tier.slug,
        interval: plan.interval,
        amount: plan.amount,
        currency: "krw",
        billingKey: input.billingKey,
      })) ?? (await getPortOneSubscription(db, id)));
  if (!sub) throw new Error(`portone subscription ${id} could not be stored`);
  const payment = await ensurePortOnePayment(db, {
    id: periodPaymentId(id, 1),
    subscriptionId: id,
    periodIndex: 1,
    periodStart: now,
    periodEnd: periodEnd(now, sub.interval, input.periodSeconds),
    amount: sub.amount,
    currency: sub.currency,
  });
  const tierName = plan.tier.name;
  const outcome = await chargePeriod(
    db,
    api,
    { sub, payment, email: member.email, orderName: `${tierName} 정기구독`, pastDueGraceMs: input.pastDueGraceMs },
    now,
  );
  if (outcome.kind === "paid") return { ok: true, subscriptionId: id, pending: outcome.applied === null };
  if (outcome.kind === "unavailable") return { ok: false, code: "unavailable", message: outcome.message };
  return { ok: false, code: "declined", message: outcome.message };
}
