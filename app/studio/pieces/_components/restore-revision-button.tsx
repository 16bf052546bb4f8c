"use client";

import { useRouter } from "next/navigation";
import { dict } from "@/lib/i18n";
import { ConfirmActionButton } from "../../_components/confirm-action-button";
import { ghostButtonClass } from "../../_components/ui";
import { restoreRevisionAction } from "../history-actions";

const t = dict("ko").studioEditor.revisions;

export function RestoreRevisionButton({ pieceId, revisionId }: { pieceId: number; revisionId: number }) {
  const router = useRouter();
  return (
    <ConfirmActionButton
      label={t.restore}
      confirm={t.confirm}
      run={() => restoreRevisionAction(pieceId, revisionId)}
      // The page keys the editor on `restored`, so its fields start again from the restored copy;
      // anything typed and unsaved is still in the local draft and offered back.
      onSuccess={() => router.push(`/studio/pieces/${pieceId}?restored=${revisionId}`)}
      className={`${ghostButtonClass} px-2 py-1 text-xs`}
    />
  );
}
