"use server";

import { getDb } from "@/db/client";
import { getViewer } from "@/lib/auth/viewer";
import { billingSettings } from "@/lib/billing/config";
import { demoIntentKey } from "@/lib/billing/demo/deliver";
import { verifyDemoIntent } from "@/lib/billing/demo/intent";
import { PortOneRefused, PortOneUnavailable } from "@/lib/billing/portone/api";
import { completePortOneCheckout } from "@/lib/billing/portone/checkout";
import { isPortOneConfigured } from "@/lib/billing/portone/config";
import { portoneText } from "@/lib/billing/portone/messages";
import { getPortOneApi } from "@/lib/billing/portone/runtime";
import { portoneCustomerId } from "@/lib/billing/portone/subscription-state";
import { formLang } from "@/lib/billing/request";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { dict, localePath } from "@/lib/i18n";
import { requestPublication } from "@/lib/publications/current";
import type { ActionResult } from "@/lib/studio/action-result";

export type PortOnePayResult = ActionResult<{ next: string }> | null;

const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

// The PortOne checkout's last step. With PortOne keys the browser SDK has issued the billing key
// (posted as `billingKey`); with the stand-in, the demo card is turned into one here through the
// same PortOne API. Either way the key is checked with PortOne and the first period charged.
export async function portonePayAction(_prev: PortOnePayResult, form: FormData): Promise<PortOnePayResult> {
  const lang = formLang(text(form.get("lang")));
  const t = portoneText(lang);
  const fail = (code: string, message: string): PortOnePayResult => ({ ok: false, error: { code, message } });
  const pub = await requestPublication();
  const viewer = await getViewer(pub.id);
  if (!viewer.signedIn) return fail("unauthorized:checkout", dict(lang).billing.intentInvalid);
  const now = new Date();
  const check = verifyDemoIntent(text(form.get("intent")), demoIntentKey(), now);
  if (!check.ok || check.intent.publicationId !== pub.id) return fail("invalid:intent", dict(lang).billing.intentInvalid);
  const db = await getDb();
  try {
    const api = await getPortOneApi();
    let billingKey = text(form.get("billingKey"));
    if (!isPortOneConfigured()) {
      const [month = "", year = ""] = text(form.get("expiry"))
        .split("/")
        .map((s) => s.trim());
      billingKey = (
        await api.issueBillingKey({
          card: { number: text(form.get("cardNumber")), expiryMonth: month, expiryYear: year },
          customerId: portoneCustomerId(viewer.member.id),
          email: viewer.member.email,
        })
      ).billingKey;
    }
    if (!/^[A-Za-z0-9_-]{1,200}$/.test(billingKey)) return fail("invalid:billing_key", t.keyRefused);
    const done = await completePortOneCheckout(
      db,
      api,
      {
        member: viewer.member,
        intent: check.intent,
        billingKey,
        pastDueGraceMs: billingSettings().pastDueGraceMs,
        periodSeconds: isPortOneConfigured() ? null : (getEnv().MASTHEAD_DEMO_PERIOD_SECONDS ?? null),
      },
      now,
    );
    if (!done.ok) {
      console.error(`[portone] checkout for member ${viewer.member.id}: ${done.message}`);
      return fail(`${done.code}:checkout`, done.code === "unavailable" ? t.unavailable : t.declined(done.message.replace(/^[^:]*: /, "")));
    }
    return { ok: true, data: { next: `${localePath(lang, "/checkout/success")}?sub=${encodeURIComponent(done.subscriptionId)}` } };
  } catch (err) {
    if (err instanceof PortOneUnavailable) return fail("unavailable:checkout", t.unavailable);
    if (err instanceof PortOneRefused) return fail(`refused:${err.code}`, t.keyRefused);
    if (err instanceof AppError) return fail(err.code, err.type === "unavailable" ? t.unavailable : err.message);
    throw err;
  }
}
