import { getDb } from "@/db/client";
import { getViewer } from "@/lib/auth/viewer";
import { publicationProvider } from "@/lib/billing/provider";
import { createPortalSession, realCustomerId } from "@/lib/billing/stripe/checkout";
import { assertSameOrigin, formLang, readFormFields, seeOther } from "@/lib/billing/request";
import { getStripe } from "@/lib/billing/stripe/client";
import { originOf, requireRequestPublication } from "@/lib/publications/current";
import { withErrors } from "@/lib/http/errors";
import { localePath } from "@/lib/i18n";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The account page's "Manage subscription": Stripe's customer portal when keys are set, else the
// demo portal. A member without a Stripe customer has nothing to manage yet: off to the plans.
export const POST = withErrors(async (req: Request) => {
  assertSameOrigin(req);
  const lang = formLang((await readFormFields(req)).lang);
  const pub = requireRequestPublication(req);
  const viewer = await getViewer(pub.id);
  if (!viewer.signedIn) {
    return seeOther(`${localePath(lang, "/signin")}?callbackUrl=${encodeURIComponent(localePath(lang, "/account"))}`);
  }
  const stripe = getStripe();
  // PortOne subscriptions are Masthead's own: managed on the account portal page.
  if (!stripe || (await publicationProvider(await getDb(), pub.id)) === "portone") return seeOther(localePath(lang, "/account/portal"));
  const customerId = realCustomerId(viewer.member.stripeCustomerId);
  if (!customerId) return seeOther(localePath(lang, "/pricing"));
  return seeOther(await createPortalSession(stripe, { customerId, lang, origin: originOf(pub) }));
});
