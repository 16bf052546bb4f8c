"use client";

import { useState, useTransition } from "react";
import { ghostButtonClass } from "./ui";

type ActionResult = { ok: true } | { ok: false; error: { message: string } };

// A destructive studio action behind a confirmation (revoke, delete, restore a revision…), with
// its error shown beside the button; `onSuccess` where the page must move on afterwards.
export function ConfirmActionButton({
  label,
  confirm,
  run,
  onSuccess,
  className = `${ghostButtonClass} text-accent`,
}: {
  label: string;
  confirm: string;
  run: () => Promise<ActionResult>;
  onSuccess?: () => void;
  className?: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        className={className}
        onClick={() => {
          if (!window.confirm(confirm)) return;
          startTransition(async () => {
            const res = await run();
            if (!res.ok) setError(res.error.message);
            else onSuccess?.();
          });
        }}
      >
        {label}
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-sm text-accent">
          {error}
        </span>
      ) : null}
    </>
  );
}
