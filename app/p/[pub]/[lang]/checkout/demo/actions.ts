"use server";

import { getDb } from "@/db/client";
import { getViewer } from "@/lib/auth/viewer";
import { DemoDeliveryError, demoDeps, demoIntentKey } from "@/lib/billing/demo/deliver";
import { completeDemoCheckout } from "@/lib/billing/demo/flow";
import { verifyDemoIntent } from "@/lib/billing/demo/intent";
import { formLang } from "@/lib/billing/request";
import { isStripeConfigured } from "@/lib/billing/stripe/client";
import { AppError } from "@/lib/http/errors";
import { requestPublication } from "@/lib/publications/current";
import { dict, localePath } from "@/lib/i18n";
import { RETURN_TO_PARAM, resolveReturnTo } from "@/lib/routing/return-to";
import type { ActionResult } from "@/lib/studio/action-result";

export type PayDemoResult = ActionResult<{ next: string }> | null;

const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

// "Pay (demo)": re-checks the viewer and the signed intent on the server (the page's checks are
// only what the reader saw), then sends the checkout's events through the webhook.
export async function payDemoAction(_prev: PayDemoResult, form: FormData): Promise<PayDemoResult> {
  const lang = formLang(text(form.get("lang")));
  const t = dict(lang).billing;
  const fail = (code: string, message: string): PayDemoResult => ({ ok: false, error: { code, message } });
  if (isStripeConfigured()) return fail("forbidden:checkout", t.intentInvalid);
  const viewer = await getViewer((await requestPublication()).id);
  if (!viewer.signedIn) return fail("unauthorized:checkout", t.intentInvalid);
  const now = new Date();
  const check = verifyDemoIntent(text(form.get("intent")), demoIntentKey(), now);
  if (!check.ok) return fail(`invalid:intent_${check.reason}`, t.intentInvalid);
  try {
    const paid = await completeDemoCheckout(await getDb(), viewer.member, check.intent, demoDeps(), now);
    const back = resolveReturnTo(text(form.get(RETURN_TO_PARAM)));
    const query = new URLSearchParams({ sub: paid.subscriptionId, ...(back ? { [RETURN_TO_PARAM]: back } : {}) });
    return { ok: true, data: { next: `${localePath(lang, "/checkout/success")}?${query}` } };
  } catch (err) {
    if (err instanceof AppError) return fail(err.code, err.type === "forbidden" ? t.intentOther : t.planGone);
    if (err instanceof DemoDeliveryError) {
      console.error(`[billing] demo checkout for member ${viewer.member.id}: ${err.message}`);
      return fail("internal:webhook", t.payFailed);
    }
    throw err;
  }
}
