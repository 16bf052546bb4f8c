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

type AccountAction = (prev: AccountFormState, form: FormData) => Promise<AccountFormState>;

// The frame each form shares: the action's state, the language for its messages, a warning (a
// destructive form, framed in red), the label of its one field, the submit button, and the
// status line that reports the outcome. The field is drawn from the state (to keep what was typed).
function SelfServiceForm({
  lang,
  run,
  warning,
  label,
  fieldId,
  submit,
  submitTestId,
  statusTestId,
  field,
}: {
  lang: UiLang;
  run: AccountAction;
  warning?: string;
  label: string;
  fieldId: string;
  submit: string;
  submitTestId?: string;
  statusTestId: string;
  field: (state: AccountFormState) => React.ReactNode;
}) {
  const [state, action, pending] = useActionState(run, null);
  return (
    <form action={action} className={warning ? `${box} border-accent` : box}>
      <input type="hidden" name="lang" value={lang} />
      {warning ? <p className="text-sm">{warning}</p> : null}
      <label htmlFor={fieldId} className="font-semibold">
        {label}
      </label>
      {field(state)}
      <button type="submit" disabled={pending} className={button} data-testid={submitTestId}>
        {submit}
      </button>
      <Status state={state} pending={pending} testId={statusTestId} />
    </form>
  );
}

export function DisplayNameForm({ lang, initial }: { lang: UiLang; initial: string }) {
  const t = dict(lang).selfService;
  return (
    <SelfServiceForm
      lang={lang}
      run={saveDisplayNameAction}
      label={t.displayName}
      fieldId="display-name"
      submit={t.save}
      submitTestId="display-name-save"
      statusTestId="display-name-status"
      field={(state) => (
        <>
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
        </>
      )}
    />
  );
}

export function EmailChangeForm({ lang }: { lang: UiLang }) {
  const t = dict(lang).selfService;
  return (
    <SelfServiceForm
      lang={lang}
      run={requestEmailChangeAction}
      label={t.newEmail}
      fieldId="new-email"
      submit={t.sendLink}
      statusTestId="email-change-status"
      field={(state) => (
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
      )}
    />
  );
}

export function DeleteAccountForm({ lang }: { lang: UiLang }) {
  const t = dict(lang).selfService;
  return (
    <SelfServiceForm
      lang={lang}
      run={deleteAccountAction}
      warning={t.deleteWarning}
      label={t.deleteConfirmLabel}
      fieldId="confirm-email"
      submit={t.deleteButton}
      statusTestId="delete-status"
      field={() => (
        <input id="confirm-email" name="confirmEmail" type="email" required autoComplete="off" className={input} data-testid="delete-confirm-email" />
      )}
    />
  );
}
