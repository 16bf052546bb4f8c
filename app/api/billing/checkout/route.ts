import { z } from "zod";
import { getDb } from "@/db/client";
import { getViewer } from "@/lib/auth/viewer";
import { publicationProvider } from "@/lib/billing/provider";
import { createCheckoutSession } from "@/lib/billing/stripe/checkout";
import { resolveCheckoutPlan } from "@/lib/billing/checkout-plan";
import { demoIntentKey } from "@/lib/billing/demo/deliver";
import { checkoutIntervals, newDemoIntent, signDemoIntent } from "@/lib/billing/demo/intent";
import { assertSameOrigin, formLang, readFormFields, seeOther } from "@/lib/billing/request";
import { getStripe } from "@/lib/billing/stripe/client";
import { originOf, requireRequestPublication } from "@/lib/publications/current";
import { AppError, withErrors } from "@/lib/http/errors";
import { localePath } from "@/lib/i18n";
import { RETURN_TO_PARAM, pricingHref, resolveReturnTo } from "@/lib/routing/return-to";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const planSchema = z.object({ tier: z.string().regex(/^[a-z0-9-]{1,64}$/, "Unknown plan."), interval: z.enum(checkoutIntervals) });

// The pricing page's "Subscribe" form: Stripe Checkout when keys are set, else the demo checkout
// with a signed intent naming this member, tier and interval.
export const POST = withErrors(async (req: Request) => {
  assertSameOrigin(req);
  const fields = await readFormFields(req);
  const lang = formLang(fields.lang);
  // The plan of the publication whose pricing page posted this (its host).
  const pub = requireRequestPublication(req);
  const viewer = await getViewer(pub.id);
  // The page the reader came from, carried to the success page's "start reading" (same-site paths only).
  const returnTo = resolveReturnTo(fields[RETURN_TO_PARAM]);
  if (!viewer.signedIn) {
    return seeOther(`${localePath(lang, "/signin")}?callbackUrl=${encodeURIComponent(pricingHref(lang, returnTo))}`);
  }
  const { tier, interval } = planSchema.parse(fields);
  const plan = resolveCheckoutPlan(pub, viewer.tiers, tier, interval);
  if (!plan) throw new AppError("invalid", "tier", "Choose a paid plan that has a price for this billing period.");

  // PortOne publications (design §12) check out on their own page, with or without PortOne keys.
  if ((await publicationProvider(await getDb(), pub.id)) === "portone") {
    const intent = signDemoIntent(newDemoIntent({ memberId: viewer.member.id, publicationId: pub.id, tier, interval }, new Date()), demoIntentKey());
    return seeOther(`${localePath(lang, "/checkout/portone")}?${new URLSearchParams({ intent })}`);
  }
  const stripe = getStripe();
  if (stripe) return seeOther(await createCheckoutSession(stripe, { plan, member: viewer.member, lang, origin: originOf(pub), returnTo }));

  const intent = signDemoIntent(newDemoIntent({ memberId: viewer.member.id, publicationId: pub.id, tier, interval }, new Date()), demoIntentKey());
  return seeOther(
    `${localePath(lang, "/checkout/demo")}?${new URLSearchParams({ tier, interval, intent, ...(returnTo ? { [RETURN_TO_PARAM]: returnTo } : {}) })}`,
  );
});
