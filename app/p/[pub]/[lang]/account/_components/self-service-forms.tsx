"use client";

import { useActionState } from "react";
import { deleteAccountAction, requestEmailChangeAction, saveDisplayNameAction, type AccountFormState } from "@/lib/account/actions";
import { DISPLAY_NAME_MAX } from "@/lib/account/display-name";
import { dict, type UiLang } from "@/lib/i18n";

const box = "flex flex-col gap-3 rounded border border-rule bg-white p-5";
const input = "rounded border border-rule bg-white px-3 py-2";
const button = "self-start rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark disabled:opacity-60";

function Status({ state, pending, testId }: { state: AccountFormState; pending: boolean; testId: string }) {
  if (pending || !state) return <p role="status" aria-live="polite" className="text-sm" data-testid={testId} />;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      aria-live="polite"
      className={`text-sm ${state.ok ? "text-muted" : "font-semibold text-accent"}`}
      data-testid={testId}
    >
      {state.message}
    </p>
  );
}

export function DisplayNameForm({ lang, initial }: { lang: UiLang; initial: string }) {
  const t = dict(lang).selfService;
  const [state, action, pending] = useActionState(saveDisplayNameAction, null);
  return (
    <form action={action} className={box}>
      <input type="hidden" name="lang" value={lang} />
      <label htmlFor="display-name" className="font-semibold">
        {t.displayName}
      </label>
      <input
        id="display-name"
        name="displayName"
        defaultValue={state?.value ?? initial}
        maxLength={DISPLAY_NAME_MAX * 2}
        className={input}
        aria-describedby="display-name-hint"
        data-testid="display-name"
      />
      <p id="display-name-hint" className="text-sm text-muted">
        {t.displayNameHint}
      </p>
      <button type="submit" disabled={pending} className={button} data-testid="display-name-save">
        {t.save}
      </button>
      <Status state={state} pending={pending} testId="display-name-status" />
    </form>
  );
}

export function EmailChangeForm({ lang }: { lang: UiLang }) {
  const t = dict(lang).selfService;
  const [state, action, pending] = useActionState(requestEmailChangeAction, null);
  return (
    <form action={action} className={box}>
      <input type="hidden" name="lang" value={lang} />
      <label htmlFor="new-email" className="font-semibold">
        {t.newEmail}
      </label>
      <input
        id="new-email"
        name="email"
        type="email"
        required
        autoComplete="email"
        defaultValue={state?.ok ? "" : (state?.value ?? "")}
        className={input}
        data-testid="new-email"
      />
      <button type="submit" disabled={pending} className={button}>
        {t.sendLink}
      </button>
      <Status state={state} pending={pending} testId="email-change-status" />
    </form>
  );
}

export function DeleteAccountForm({ lang }: { lang: UiLang }) {
  const t = dict(lang).selfService;
  const [state, action, pending] = useActionState(deleteAccountAction, null);
  return (
    <form action={action} className={`${box} border-accent`}>
      <input type="hidden" name="lang" value={lang} />
      <p className="text-sm">{t.deleteWarning}</p>
      <label htmlFor="confirm-email" className="font-semibold">
        {t.deleteConfirmLabel}
      </label>
      <input id="confirm-email" name="confirmEmail" type="email" required autoComplete="off" className={input} data-testid="delete-confirm-email" />
      <button type="submit" disabled={pending} className={button}>
        {t.deleteButton}
      </button>
      <Status state={state} pending={pending} testId="delete-status" />
    </form>
  );
}
