import Stripe from "stripe";
import type { Member } from "@/db/schema/index";
import { AppError } from "@/lib/http/errors";
import { localePath, type UiLang } from "@/lib/i18n/index";
import { RETURN_TO_PARAM, pricingHref, resolveReturnTo } from "@/lib/routing/return-to";
import type { CheckoutPlan } from "../checkout-plan";

// Stripe Checkout and customer portal sessions (design §6). The session carries our member id
// three ways — client_reference_id, session metadata and the subscription's metadata — so every
// event the webhook later receives (checkout, subscription, invoice) links to the member directly.

export type CheckoutMember = Pick<Member, "id" | "email" | "stripeCustomerId">;

/** A customer id real Stripe knows: not one the demo checkout made up (a site may move from demo to keys). */
export const realCustomerId = (id: string | null | undefined): string | null => (id && !id.startsWith("cus_demo") ? id : null);

/** The tier's stored price id, else the active price with lookup key `[<publication>.]<tier>_<interval>`. */
export async function resolvePriceId(stripe: Stripe, plan: CheckoutPlan): Promise<string> {
  if (plan.priceId) return plan.priceId;
  const prices = await stripe.prices.list({ lookup_keys: [plan.lookupKey], active: true, limit: 1 });
  const price = prices.data[0];
  if (!price) throw new AppError("invalid", "price", `No active Stripe price has the lookup key ${plan.lookupKey}.`);
  return price.id;
}

type CheckoutInput = { plan: CheckoutPlan; member: CheckoutMember; lang: UiLang; origin: string; returnTo?: string | null };

/*
 * Korean payment methods on a Stripe account outside Korea (issue 18): a KRW price offers cards
 * (international and Korean, `kr_card`), Kakao Pay and Naver Pay — the Korean methods Stripe allows
 * in subscription mode (Payco and Samsung Pay are one-time only, so they are never listed). The
 * API version stripe 23 pins (2026-10-28) takes the list as `allowed_payment_method_types` (its
 * SessionCreateParams has no `payment_method_types`): a filter over what the account has enabled
 * in the Dashboard. Other currencies keep the Dashboard's dynamic choice.
 */
export const KRW_SUBSCRIPTION_METHODS = ["card", "kr_card", "kakao_pay", "naver_pay"] as const;

export function resolvePaymentMethodTypes(currency: string): Stripe.Checkout.SessionCreateParams.AllowedPaymentMethodType[] | null {
  return currency.toLowerCase() === "krw" ? [...KRW_SUBSCRIPTION_METHODS] : null;
}

export function checkoutSessionParams(input: CheckoutInput & { priceId: string }): Stripe.Checkout.SessionCreateParams {
  const { member, lang, origin } = input;
  // The page the reader came from rides along to the success page (validated again there).
  const back = resolveReturnTo(input.returnTo);
  const backParam = back ? `&${RETURN_TO_PARAM}=${encodeURIComponent(back)}` : "";
  const memberId = String(member.id);
  const customer = realCustomerId(member.stripeCustomerId);
  const methods = resolvePaymentMethodTypes(input.plan.currency);
  return {
    mode: "subscription",
    line_items: [{ price: input.priceId, quantity: 1 }],
    ...(methods ? { allowed_payment_method_types: methods } : {}),
    client_reference_id: memberId,
    // One customer per member: reuse it when the webhook already linked one; otherwise Checkout
    // creates it and the webhook attaches it to the member.
    ...(customer ? { customer } : { customer_email: member.email }),
    metadata: { memberId, tier: input.plan.tierKey },
    subscription_data: { metadata: { memberId } },
    // {CHECKOUT_SESSION_ID} is filled in by Stripe; it must stay unencoded.
    success_url: `${origin}${localePath(lang, "/checkout/success")}?session_id={CHECKOUT_SESSION_ID}${backParam}`,
    cancel_url: `${origin}${pricingHref(lang, back)}`,
    locale: lang === "ko" ? "ko" : "en",
  };
}

// Route handlers answer a generic 500 for unexpected errors; Stripe's own message (never a
// secret) is what an operator needs to fix a misconfigured price or portal, so log it first.
async function logStripeErrors<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) console.error(`[stripe] ${what} failed: ${err.type} ${err.code ?? ""} ${err.message}`.slice(0, 500));
    throw err;
  }
}

export function createCheckoutSession(stripe: Stripe, input: CheckoutInput): Promise<string> {
  return logStripeErrors("checkout session", async () => {
    const priceId = await resolvePriceId(stripe, input.plan);
    const session = await stripe.checkout.sessions.create(checkoutSessionParams({ ...input, priceId }));
    if (!session.url) throw new Error(`checkout session ${session.id} has no url`);
    return session.url;
  });
}

/**
 * The subscription a Checkout Session created, if that session is this member's — for the success
 * page, which otherwise cannot tell a new subscription (whose webhook may not have arrived yet)
 * from an older one. Null on any doubt: the page then shows the member's latest subscription.
 */
export async function getCheckoutSubscription(stripe: Stripe, sessionId: string, memberId: number): Promise<string | null> {
  if (!/^cs_[A-Za-z0-9_]{1,250}$/.test(sessionId)) return null;
  try {
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    if (session.client_reference_id !== String(memberId)) return null;
    return typeof session.subscription === "string" ? session.subscription : (session.subscription?.id ?? null);
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) return null;
    throw err;
  }
}

/** Stripe's hosted portal: card, plan changes, cancel at period end (configured in Stripe). */
export function createPortalSession(stripe: Stripe, input: { customerId: string; lang: UiLang; origin: string }): Promise<string> {
  return logStripeErrors("portal session", async () => {
    const session = await stripe.billingPortal.sessions.create({
      customer: input.customerId,
      return_url: `${input.origin}${localePath(input.lang, "/account")}`,
      locale: input.lang === "ko" ? "ko" : "en",
    });
    return session.url;
  });
}
