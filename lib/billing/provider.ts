import type { Db } from "@/db/client";
import { listMemberSubscriptions } from "@/db/queries/billing";
import { getPaymentProvider, listMemberPortOneSubscriptions, setPaymentProvider } from "@/db/queries/portone";
import { getPublicationBySlug } from "@/db/queries/publications";
import type { GrantSource, PaymentProvider } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { recordAudit, type Actor } from "@/lib/studio/audit";

// Which provider takes a publication's payments (publications.payment_provider, design §12):
// Stripe unless the publication was switched to PortOne (`billing:provider`, or
// PATCH /api/admin/v1/publications/{slug}). The only place outside the adapters that asks.

export function publicationProvider(db: Db, publicationId: number): Promise<PaymentProvider> {
  return getPaymentProvider(db, publicationId);
}

/** Grants a billing provider keeps (their sourceRef is the subscription id in the ledger). */
export const isBillingSource = (source: GrantSource) => source === "stripe" || source === "portone";

/** Switches which provider takes a publication's new checkouts; existing subscriptions run on where they are. */
export async function setPublicationProvider(db: Db, actor: Actor, slug: string, provider: PaymentProvider) {
  const pub = await getPublicationBySlug(db, slug);
  if (!pub) throw new AppError("not_found", "publication", `No publication "${slug}".`);
  if (!actor.network) throw new AppError("forbidden", "publication", "Only network admins choose a publication's payment provider.");
  await setPaymentProvider(db, pub.id, provider);
  await recordAudit(db, actor, {
    action: "publication.payment_provider",
    subjectType: "publication",
    subjectId: pub.id,
    publicationId: pub.id,
    summary: `결제 대행: ${provider}`,
    details: { provider },
  });
  return { slug: pub.slug, provider };
}

/** How each provider stops a subscription from charging again; the running app wires the real ones. */
export type SubscriptionCancellers = {
  stripe: (subscriptionId: string) => Promise<void>;
  // The local demo checkout's subscriptions (`sub_demo…`), cancelled through its own webhook.
  demo: (subscriptionId: string) => Promise<void>;
  portone: (subscriptionId: string) => Promise<void>;
  // Erases the member's customer record at Stripe (its email, name and saved cards) once nothing
  // of theirs charges any more: a deleted account leaves no address behind at the provider either.
  // Invoices already issued stay at Stripe, as tax law requires.
  stripeCustomer: (customerId: string) => Promise<void>;
};

const LIVE_STRIPE = new Set(["active", "trialing", "past_due", "incomplete", "unpaid"]);
const LIVE_PORTONE = new Set(["active", "past_due"]);

/**
 * Cancels every subscription of a member that could still charge them (account deletion), at
 * whichever provider holds it. A failure is thrown after trying the others: the caller must not
 * delete an account whose card may still be charged.
 */
export async function cancelMemberSubscriptions(db: Db, memberId: number, cancel: SubscriptionCancellers): Promise<{ cancelled: string[] }> {
  const [stripeSubs, portoneSubs] = await Promise.all([listMemberSubscriptions(db, memberId), listMemberPortOneSubscriptions(db, memberId)]);
  const jobs: { id: string; run: () => Promise<void> }[] = [
    ...stripeSubs
      // The ledger mirrors PortOne's subscriptions too; those are cancelled from their own table.
      .filter((s) => s.provider === "stripe" && s.status !== null && LIVE_STRIPE.has(s.status) && !s.cancelAtPeriodEnd)
      .map((s) => ({ id: s.id, run: () => (s.id.startsWith("sub_demo") ? cancel.demo(s.id) : cancel.stripe(s.id)) })),
    ...portoneSubs.filter((s) => LIVE_PORTONE.has(s.status) && !s.cancelAtPeriodEnd).map((s) => ({ id: s.id, run: () => cancel.portone(s.id) })),
  ];
  const results = await Promise.allSettled(jobs.map((j) => j.run()));
  const failed = jobs.filter((_, i) => results[i].status === "rejected").map((j) => j.id);
  if (failed.length) throw new AppError("unavailable", "subscription", `Could not cancel ${failed.join(", ")}.`);
  return { cancelled: jobs.map((j) => j.id) };
}
