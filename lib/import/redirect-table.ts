import "server-only";
import { getDb, listenDb } from "@/db/client";
import { listRedirects } from "@/db/queries/studio-import";
import { CONTENT_CHANNEL, parseContentEvent } from "@/lib/studio/content-events";
import { setRedirectTables } from "./redirects";

// Loads the legacy redirect table into memory at server start and reloads it when an import
// (here, on another instance, or in the CLI) announces a change, so the proxy's lookup is a Map
// read with no query on the request path.
export async function loadRedirectTable(): Promise<number> {
  const rows = await listRedirects(await getDb());
  const tables = new Map<number, Map<string, string>>();
  for (const r of rows) {
    let table = tables.get(r.publicationId);
    if (!table) tables.set(r.publicationId, (table = new Map()));
    table.set(r.fromPath, r.toPath);
  }
  setRedirectTables(tables);
  return rows.length;
}

export async function startRedirectTable(): Promise<void> {
  await loadRedirectTable();
  await listenDb(CONTENT_CHANNEL, (payload) => {
    if (parseContentEvent(payload)?.redirects) void loadRedirectTable().catch(() => undefined);
  });
}
