import "server-only";
import { getDb, listenDb } from "@/db/client";
import { listPublications } from "@/db/queries/publications";
import { siteUrl } from "@/lib/env";
import { CONTENT_CHANNEL, parseContentEvent } from "@/lib/studio/content-events";
import { buildPublicationTable, hostnameOf } from "./model";
import { setPublicationTable } from "./table";
import { toPublicationRef } from "./views";

export async function loadPublicationTable(): Promise<number> {
  const rows = (await listPublications(await getDb())).map(toPublicationRef);
  const table = buildPublicationTable(rows, hostnameOf(new URL(siteUrl()).host));
  if (!table) throw new Error("the database has no primary publication (run the migrations)");
  setPublicationTable(table);
  return rows.length;
}

// Loads the table at start and reloads it whenever any instance, the CLI or the studio announces a
// publication change (hostnames, names, a new publication).
export async function startPublicationTable(): Promise<void> {
  await loadPublicationTable();
  await listenDb(CONTENT_CHANNEL, (payload) => {
    if (parseContentEvent(payload)?.publications)
      void loadPublicationTable().catch((err: unknown) => console.error("[publications] reload failed:", err instanceof Error ? err.message : String(err)));
  });
}
