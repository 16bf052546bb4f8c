"use client";

import { useActionState } from "react";
import { dict, type UiLang } from "@/lib/i18n";
import { RETURN_TO_PARAM } from "@/lib/routing/return-to";
import { PayButton, PayError, payFieldClass as field, useNavigateWhenPaid } from "../../_components/pay-form-parts";
import { payDemoAction, type PayDemoResult } from "../actions";

const demoCard = { number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" };

// The card side of the demo checkout. The card fields are visibly fake and never submitted (no
// name attribute): only the signed intent, the language and the return path are posted.
export function DemoPayForm({
  lang,
  intent,
  returnTo,
  email,
  name,
  amountLabel,
}: {
  lang: UiLang;
  intent: string;
  returnTo: string | null;
  email: string;
  name: string;
  amountLabel: string;
}) {
  const t = dict(lang).billing;
  const [state, action, pending] = useActionState<PayDemoResult, FormData>(payDemoAction, null);
  useNavigateWhenPaid(state);

  return (
    <form action={action} className="flex flex-col gap-4" aria-describedby={state?.ok === false ? "pay-error" : undefined}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="lang" value={lang} />
      {returnTo ? <input type="hidden" name={RETURN_TO_PARAM} value={returnTo} /> : null}
      <label className="flex flex-col gap-1 text-sm font-semibold">
        {t.email}
        <input readOnly value={email} className={`${field} bg-black/5`} autoComplete="off" />
      </label>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-semibold">{t.cardInfo}</legend>
        <input readOnly aria-label={t.cardNumber} value={demoCard.number} className={`${field} rounded-b-none font-mono`} />
        <div className="-mt-px grid grid-cols-2">
          <input readOnly aria-label={t.expiry} value={demoCard.expiry} className={`${field} rounded-t-none rounded-r-none font-mono`} />
          <input readOnly aria-label={t.cvc} value={demoCard.cvc} className={`${field} -ml-px rounded-t-none rounded-l-none font-mono`} />
        </div>
        <p className="text-xs text-muted">{t.demoCardHint}</p>
      </fieldset>
      <label className="flex flex-col gap-1 text-sm font-semibold">
        {t.cardholder}
        <input readOnly value={name} className={field} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-semibold">
        {t.country}
        <input readOnly value={t.countryValue} className={field} />
      </label>
      <PayError message={state?.ok === false ? state.error.message : null} />
      <PayButton disabled={pending || state?.ok === true} testId="demo-pay">
        {pending || state?.ok ? t.paying : `${t.pay} · ${amountLabel}`}
      </PayButton>
    </form>
  );
}
