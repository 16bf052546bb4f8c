"use client";

import { useState, useTransition } from "react";
import { ghostButtonClass } from "../../_components/ui";
import { revokeTokenAction } from "../actions";

export function RevokeTokenButton({ id }: { id: number }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        className={`${ghostButtonClass} text-accent`}
        onClick={() => {
          if (!window.confirm("이 토큰을 폐기할까요? 이 토큰을 쓰는 연동이 멈춥니다.")) return;
          startTransition(async () => {
            const res = await revokeTokenAction(id);
            if (!res.ok) setError(res.error.message);
          });
        }}
      >
        폐기
      </button>
      {error ? <span role="alert" className="ml-2 text-accent">{error}</span> : null}
    </>
  );
}
