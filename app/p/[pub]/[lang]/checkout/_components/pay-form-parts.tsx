"use client";

import { useEffect } from "react";
import type { ActionResult } from "@/lib/studio/action-result";

// What the demo and PortOne payment forms share: their fields' look, the move to the next page
// once paid, the error line and the pay button.
export const payFieldClass = "w-full rounded-md border border-rule bg-white px-3 py-2 text-base text-ink";

/** Once paid, a hard navigation: every client-cached page (pricing, articles) is fetched anew with the new tier. */
export function useNavigateWhenPaid(state: ActionResult<{ next: string }> | null) {
  useEffect(() => {
    if (state?.ok) window.location.assign(state.data.next);
  }, [state]);
}

/** The form's aria-describedby points at this (id "pay-error"). */
export function PayError({ message, testId }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <p id="pay-error" role="alert" className="rounded border border-accent bg-red-50 px-3 py-2 text-sm font-semibold text-accent-dark" data-testid={testId}>
      {message}
    </p>
  );
}

export function PayButton({ disabled, testId, children }: { disabled: boolean; testId: string; children: React.ReactNode }) {
  return (
    <button
      type="submit"
      disabled={disabled}
      data-testid={testId}
      className="rounded-md bg-ink px-4 py-3 text-base font-semibold text-white hover:bg-black disabled:opacity-60"
    >
      {children}
    </button>
  );
}
