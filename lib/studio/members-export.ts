import "server-only";
import type { Db } from "@/db/client";
import { listMembersPage } from "@/db/queries/studio-members";
import { dict } from "@/lib/i18n";
import { formatDateTime } from "@/lib/time/format";
import { recordAudit } from "./audit";
import type { StudioActor } from "./guard";
import { loadMemberTiers, memberFilterOf } from "./member-list";
import { CSV_BOM, csvLine } from "./members-csv";

// The member export as a stream of CSV lines, a page of members at a time, with the list's filters.
export async function exportMembersCsv(
  db: Db,
  actor: StudioActor,
  filters: { q: string; tier: string },
  timeZone: string,
  now = new Date(),
): Promise<ReadableStream<Uint8Array>> {
  const view = await loadMemberTiers(db, actor.publicationId, now);
  const filter = memberFilterOf(view, filters.q, filters.tier);
  const h = dict("ko").studioMembers.csv;
  await recordAudit(db, actor, {
    action: "member.export",
    subjectType: "publication",
    subjectId: actor.publicationId,
    summary: `회원 CSV 내보내기 (export)${filters.tier ? ` · ${filters.tier}` : ""}${filters.q ? ` · "${filters.q}"` : ""}`,
    details: filters,
  });
  const encoder = new TextEncoder();
  let afterId = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvLine([h.email, h.name, h.role, h.tier, h.joined])));
        return;
      }
      const page = await listMembersPage(db, filter, afterId);
      if (!page.length) return controller.close();
      afterId = page[page.length - 1].id;
      controller.enqueue(
        encoder.encode(
          page
            .map((m) => csvLine([m.email, m.name, m.role, view.paid.get(m.id) ?? view.freeSlug, formatDateTime(m.createdAt, { timeZone, zone: true })]))
            .join(""),
        ),
      );
    },
  });
}
