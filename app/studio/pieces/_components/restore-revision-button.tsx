"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { dict } from "@/lib/i18n";
import { ghostButtonClass } from "../../_components/ui";
import { restoreRevisionAction } from "../history-actions";

const t = dict("ko").studioEditor.revisions;

export function RestoreRevisionButton({ pieceId, revisionId }: { pieceId: number; revisionId: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="flex items-center gap-2">
      {error ? (
        <span role="alert" className="text-xs text-accent">
          {error}
        </span>
      ) : null}
      <button
        type="button"
        disabled={pending}
        className={`${ghostButtonClass} px-2 py-1 text-xs`}
        onClick={() => {
          if (!window.confirm(t.confirm)) return;
          startTransition(async () => {
            const res = await restoreRevisionAction(pieceId, revisionId);
            // The page keys the editor on `restored`, so its fields start again from the restored
            // copy; anything typed and unsaved is still in the local draft and offered back.
            if (res.ok) router.push(`/studio/pieces/${pieceId}?restored=${revisionId}`);
            else setError(res.error.message);
          });
        }}
      >
        {t.restore}
      </button>
    </span>
  );
}
