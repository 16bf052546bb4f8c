import type { RevisionSummary } from "@/db/queries/piece-revisions";
import { dict } from "@/lib/i18n";
import { RestoreRevisionButton } from "./restore-revision-button";
import { Instant } from "../../_components/studio-clock";

const t = dict("ko").studioEditor.revisions;

// The piece's saved revisions, newest first; the newest is what the editor shows, so only older
// ones offer a restore.
export function RevisionList({ pieceId, revisions }: { pieceId: number; revisions: RevisionSummary[] }) {
  return (
    <section aria-labelledby="revisions-title" className="rounded border border-rule bg-white p-3" data-testid="revisions">
      <h2 id="revisions-title" className="mb-2 text-sm font-semibold">
        {t.title}
      </h2>
      {revisions.length === 0 ? (
        <p className="text-sm text-muted">{t.empty}</p>
      ) : (
        <ol className="flex flex-col gap-2 text-sm">
          {revisions.map((r, i) => (
            <li
              key={r.id}
              className="flex flex-wrap items-baseline justify-between gap-2 border-t border-rule pt-2 first:border-0 first:pt-0"
              data-testid="revision"
            >
              <span className="min-w-0 grow break-keep">
                <strong className="block truncate">{r.title}</strong>
                <span className="text-xs text-muted">
                  <Instant at={r.createdAt} /> · {r.editorEmail ?? t.system} · {t.chars(r.bodyLength)}
                </span>
              </span>
              {i > 0 ? <RestoreRevisionButton pieceId={pieceId} revisionId={r.id} /> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
