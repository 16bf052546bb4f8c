import type { Db } from "@/db/client";
import { getPaymentProvider, setPaymentProvider } from "@/db/queries/portone";
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
  await recordAudit(db, actor, { action: "publication.payment_provider", subjectType: "publication", subjectId: pub.id, publicationId: pub.id, summary: `결제 대행: ${provider}`, details: { provider } });
  return { slug: pub.slug, provider };
}
