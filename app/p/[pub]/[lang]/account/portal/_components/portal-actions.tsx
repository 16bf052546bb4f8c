"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import type { DemoActions } from "@/lib/billing/demo/state";
import { dict, type UiLang } from "@/lib/i18n";
import { demoPortalAction, type PortalActionResult } from "../actions";
import { portonePortalAction, type PortOnePortalResult } from "../portone-actions";

const buttonClass = "rounded border px-4 py-2 font-semibold disabled:opacity-60";

// One subscription's buttons, for the demo provider's subscriptions or PortOne's (each with its own
// server action). After a change the page is refreshed from the server, so what it shows is what
// the ledger stored. `refundNote`: what a refund returns, shown in the confirmation.
export function PortalActions({
  lang,
  subscriptionId,
  actions,
  provider = "demo",
  refundNote,
}: {
  lang: UiLang;
  subscriptionId: string;
  actions: DemoActions;
  provider?: "demo" | "portone";
  refundNote?: string;
}) {
  const t = dict(lang).billing;
  const router = useRouter();
  const [state, action, pending] = useActionState<PortalActionResult | PortOnePortalResult, FormData>(
    provider === "portone" ? portonePortalAction : demoPortalAction,
    null,
  );
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);

  const confirmRefund = (e: React.MouseEvent<HTMLButtonElement>) => {
    if (!window.confirm(refundNote ? `${t.confirmRefund} ${refundNote}` : t.confirmRefund)) e.preventDefault();
  };
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      <div className="flex flex-wrap gap-3">
        {actions.cancel ? (
          <button name="action" value="cancel" disabled={pending} className={`${buttonClass} border-ink bg-white hover:bg-black/5`} data-testid="portal-cancel">
            {t.cancel}
          </button>
        ) : null}
        {actions.resume ? (
          <button
            name="action"
            value="resume"
            disabled={pending}
            className={`${buttonClass} border-ink bg-ink text-white hover:bg-black`}
            data-testid="portal-resume"
          >
            {t.resume}
          </button>
        ) : null}
        {actions.refund ? (
          <button
            name="action"
            value="refund"
            disabled={pending}
            onClick={confirmRefund}
            className={`${buttonClass} border-accent bg-white text-accent-dark hover:bg-red-50`}
            data-testid="portal-refund"
          >
            {t.refund}
          </button>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className={state?.ok === false ? "text-sm font-semibold text-accent-dark" : "text-sm text-muted"}>
        {state?.ok ? t.done[state.data.action] : state?.ok === false ? state.error.message : ""}
      </p>
    </form>
  );
}
