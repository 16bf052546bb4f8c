"use client";

import { useActionState } from "react";
import { confirmEmailChangeAction } from "@/lib/account/actions";
import { dict, type UiLang } from "@/lib/i18n";

// A button, not the link itself: mail scanners and link previews GET every link in a message, and
// must not use up (or apply) the change before the member does.
export function ConfirmEmailChangeForm({ lang, token }: { lang: UiLang; token: string }) {
  const t = dict(lang).selfService;
  const [state, action, pending] = useActionState(confirmEmailChangeAction, null);
  if (state?.ok)
    return (
      <p role="status" className="rounded border border-rule bg-white p-5" data-testid="email-confirm-status">
        {state.message}
      </p>
    );
  return (
    <form action={action} className="flex flex-col gap-3 rounded border border-rule bg-white p-5">
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="token" value={token} />
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark disabled:opacity-60"
      >
        {t.confirmButton}
      </button>
      {state ? (
        <p role="alert" className="text-sm font-semibold text-accent" data-testid="email-confirm-status">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
