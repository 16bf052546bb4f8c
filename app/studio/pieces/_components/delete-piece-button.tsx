"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ghostButtonClass } from "../../_components/ui";
import { deletePieceAction } from "../actions";

export function DeletePieceButton({ id }: { id: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2">
      {error ? (
        <span role="alert" className="text-sm text-accent">
          {error}
        </span>
      ) : null}
      <button
        type="button"
        disabled={pending}
        className={`${ghostButtonClass} text-accent`}
        onClick={() => {
          if (!window.confirm("이 기사를 삭제할까요? 되돌릴 수 없습니다.")) return;
          startTransition(async () => {
            const res = await deletePieceAction(id);
            if (res.ok) router.push("/studio/pieces");
            else setError(res.error.message);
          });
        }}
      >
        삭제
      </button>
    </div>
  );
}
