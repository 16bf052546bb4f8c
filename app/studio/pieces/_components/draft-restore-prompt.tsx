"use client";

import { dict } from "@/lib/i18n";
import { formatInstant, ghostButtonClass } from "../../_components/ui";
import type { StoredDraft } from "./use-draft-autosave";
import { useStudioTimeZone } from "../../_components/studio-clock";

const t = dict("ko").studioEditor;

// Offered, never applied silently: the copy on the server may be newer than this browser's draft.
export function DraftRestorePrompt({ draft, onRestore, onDiscard }: { draft: StoredDraft; onRestore: (d: StoredDraft) => void; onDiscard: () => void }) {
  const timeZone = useStudioTimeZone();
  return (
    <div
      role="alert"
      data-testid="draft-restore"
      className="flex flex-wrap items-center gap-2 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <span className="grow">{t.restorePrompt(formatInstant(draft.savedAt, timeZone))}</span>
      <button type="button" className={ghostButtonClass} onClick={() => onRestore(draft)}>
        {t.restoreDraft}
      </button>
      <button type="button" className={ghostButtonClass} onClick={onDiscard}>
        {t.discardDraft}
      </button>
    </div>
  );
}
