"use client";

import { useState, useTransition } from "react";
import { ghostButtonClass } from "./ui";

type ActionResult = { ok: true } | { ok: false; error: { message: string } };

// A destructive studio action behind a confirmation, with its error shown beside the button.
export function ConfirmActionButton({ label, confirm, run }: { label: string; confirm: string; run: () => Promise<ActionResult> }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        className={`${ghostButtonClass} text-accent`}
        onClick={() => {
          if (!window.confirm(confirm)) return;
          startTransition(async () => {
            const res = await run();
            if (!res.ok) setError(res.error.message);
          });
        }}
      >
        {label}
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-accent">
          {error}
        </span>
      ) : null}
    </>
  );
}
