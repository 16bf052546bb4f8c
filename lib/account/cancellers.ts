import "server-only";
import type { Db } from "@/db/client";
import type { Member } from "@/db/schema";
import { billingSettings } from "@/lib/billing/config";
import { demoDeps } from "@/lib/billing/demo/deliver";
import { runDemoPortalAction } from "@/lib/billing/demo/flow";
import { setCancelAtPeriodEnd } from "@/lib/billing/portone/manage";
import type { SubscriptionCancellers } from "@/lib/billing/provider";
import { getStripe, requireStripe } from "@/lib/billing/stripe/client";

// The running app's cancellers for account deletion. Stripe cancels at once (its webhook then
// ends the ledger's subscription); the demo checkout and PortOne stop renewing, which is all that
// matters once the account's grants have ended.
export function liveCancellers(db: Db, member: Member): SubscriptionCancellers {
  return {
    stripe: async (id) => {
      await requireStripe().subscriptions.cancel(id);
    },
    demo: async (id) => {
      await runDemoPortalAction(db, member, id, "cancel", demoDeps(), new Date());
    },
    portone: async (id) => {
      await setCancelAtPeriodEnd(db, { subscriptionId: id, memberId: member.id, cancel: true, pastDueGraceMs: billingSettings().pastDueGraceMs }, new Date());
    },
    stripeCustomer: async (id) => {
      // Without a Stripe account configured (a PortOne-only install with imported customer ids)
      // there is nothing this install could erase there.
      const stripe = getStripe();
      if (!stripe) return;
      try {
        await stripe.customers.del(id);
      } catch (err) {
        // Already gone (deleted in Stripe's dashboard): what was asked for holds.
        if ((err as { code?: string }).code === "resource_missing") return;
        throw err;
      }
    },
  };
}
