"use client";

import { useState, useTransition } from "react";
import { ghostButtonClass } from "../../../_components/ui";
import { revokeGrantAction } from "../../actions";

export function RevokeButton({ grantId }: { grantId: number }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        className={`${ghostButtonClass} text-accent`}
        onClick={() => {
          if (!window.confirm("이 권한을 지금 회수할까요?")) return;
          startTransition(async () => {
            const res = await revokeGrantAction(grantId);
            if (!res.ok) setError(res.error.message);
          });
        }}
      >
        회수
      </button>
      {error ? <span role="alert" className="ml-2 text-accent">{error}</span> : null}
    </>
  );
}
