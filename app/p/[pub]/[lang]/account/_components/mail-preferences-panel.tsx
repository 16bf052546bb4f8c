"use client";

import { useActionState } from "react";
import { saveMailPreferencesAction, type MailPreferencesState, type MailPreferencesView } from "@/lib/email/preferences-action";
import { dict, type UiLang } from "@/lib/i18n";
import { AccountSection } from "./account-section";

type Props = { lang: UiLang; publicationName: string; initial: MailPreferencesView; suppressed: boolean };

export function MailPreferencesPanel({ lang, publicationName, initial, suppressed }: Props) {
  const t = dict(lang).account.mail;
  const [state, formAction, pending] = useActionState<MailPreferencesState, FormData>(saveMailPreferencesAction, null);
  const current = state?.ok ? state.data : initial;
  return (
    <AccountSection id="mail-heading" heading={t.heading} testId="mail-preferences">
      {suppressed ? (
        <p role="alert" className="rounded border border-accent bg-white p-3 text-sm">
          {t.suppressed}
        </p>
      ) : null}
      <form action={formAction} className="flex flex-col gap-3 rounded border border-rule bg-white p-5">
        <input type="hidden" name="lang" value={lang} />
        <label className="flex items-start gap-3">
          <input type="checkbox" name="newsletter" defaultChecked={current.newsletter} className="mt-1 h-4 w-4" data-testid="mail-newsletter" />
          <span>{t.newsletter(publicationName)}</span>
        </label>
        <label className="flex items-start gap-3">
          <input type="checkbox" name="notifyReplies" defaultChecked={current.notifyReplies} className="mt-1 h-4 w-4" data-testid="mail-replies" />
          <span>{t.replies}</span>
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark disabled:opacity-60">
            {t.save}
          </button>
          <p role="status" aria-live="polite" className="text-sm text-muted" data-testid="mail-status">
            {pending ? "" : (state?.message ?? "")}
          </p>
        </div>
      </form>
    </AccountSection>
  );
}
