"use client";

import { startTransition, useActionState, useState } from "react";
import { portoneText } from "@/lib/billing/portone/messages";
import type { UiLang } from "@/lib/i18n";
import { PayButton, PayError, payFieldClass as field, useNavigateWhenPaid } from "../../_components/pay-form-parts";
import { portonePayAction, type PortOnePayResult } from "../actions";

const METHODS = ["CARD", "KAKAOPAY", "NAVERPAY", "TOSSPAY"] as const;

type Browser = { storeId: string; channelKey: string | null; customerId: string; email: string; issueId: string; issueName: string };

// With PortOne keys: PortOne's own window issues the billing key (card, Kakao Pay, Naver Pay, Toss
// Pay), then the key is posted to the server. Without: a demo card form for the stand-in.
export function PortOnePayForm({ lang, intent, amountLabel, browser }: { lang: UiLang; intent: string; amountLabel: string; browser: Browser | null }) {
  const t = portoneText(lang);
  const [state, action, pending] = useActionState<PortOnePayResult, FormData>(portonePayAction, null);
  const [method, setMethod] = useState<(typeof METHODS)[number]>("CARD");
  const [windowError, setWindowError] = useState<string | null>(null);
  useNavigateWhenPaid(state);

  async function issueThenPay(form: FormData) {
    if (!browser) return action(form);
    setWindowError(null);
    const { requestIssueBillingKey } = await import("@portone/browser-sdk/v2");
    const issued = await requestIssueBillingKey({
      storeId: browser.storeId,
      ...(browser.channelKey ? { channelKey: browser.channelKey } : {}),
      billingKeyMethod: method === "CARD" ? "CARD" : "EASY_PAY",
      ...(method === "CARD" ? {} : { easyPay: { easyPayProvider: method } }),
      issueId: browser.issueId,
      issueName: browser.issueName,
      customer: { customerId: browser.customerId, email: browser.email },
      locale: lang === "en" ? "EN_US" : "KO_KR",
    }).catch(() => undefined);
    if (!issued || issued.code !== undefined || !issued.billingKey) {
      setWindowError(issued?.message ?? t.cancelledByUser);
      return;
    }
    form.set("billingKey", issued.billingKey);
    // After PortOne's window the form's own transition is over: dispatch in a new one.
    startTransition(() => action(form));
  }

  const error = windowError ?? (state?.ok === false ? state.error.message : null);
  return (
    <form action={issueThenPay} className="flex flex-col gap-4" aria-describedby={error ? "pay-error" : undefined}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="lang" value={lang} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-semibold">{t.method}</legend>
        {(browser ? METHODS : (["CARD"] as const)).map((m) => (
          <label key={m} className="flex items-center gap-2">
            <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} />
            {t.methods[m]}
          </label>
        ))}
      </fieldset>
      {browser ? null : (
        <>
          <label className="flex flex-col gap-1 text-sm font-semibold">
            {t.cardNumber}
            <input
              name="cardNumber"
              defaultValue="4242 4242 4242 4242"
              className={`${field} font-mono`}
              inputMode="numeric"
              autoComplete="off"
              data-testid="portone-card"
            />
          </label>
          <label className="flex flex-col gap-1 text-sm font-semibold">
            {t.expiry}
            <input name="expiry" defaultValue="12/34" className={`${field} font-mono`} autoComplete="off" />
          </label>
        </>
      )}
      <p className="text-xs text-muted">{t.notice}</p>
      <PayError message={error} testId="portone-error" />
      <PayButton disabled={pending || state?.ok === true} testId="portone-pay">
        {pending || state?.ok ? t.paying : t.pay(amountLabel)}
      </PayButton>
    </form>
  );
}
