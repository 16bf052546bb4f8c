import type { Db } from "@/db/client";
import { getPaymentProvider } from "@/db/queries/portone";
import type { GrantSource, PaymentProvider } from "@/db/schema";

// Which provider takes a publication's payments (publications.payment_provider, design §12):
// Stripe unless the publication was switched to PortOne (`billing:provider`, publication:create
// --provider). The only place outside the adapters that asks.

export function publicationProvider(db: Db, publicationId: number): Promise<PaymentProvider> {
  return getPaymentProvider(db, publicationId);
}

/** Grants a billing provider keeps (their sourceRef is the subscription id in the ledger). */
export const isBillingSource = (source: GrantSource) => source === "stripe" || source === "portone";
