import "server-only";
import { getDb, listenDb } from "@/db/client";
import { listAllArticleSlugs } from "@/db/queries/studio-articles";
import { CONTENT_CHANNEL, parseContentEvent } from "@/lib/studio/content-events";
import { noteKnownArticles, replaceKnownArticles } from "./known-articles";

export async function loadKnownArticles(): Promise<number> {
  const rows = await listAllArticleSlugs(await getDb());
  replaceKnownArticles(rows);
  return rows.length;
}

// Loads the table at start and keeps it current from content announcements of every instance, the
// CLI and imports (a bulk change announces "all" and is reloaded whole).
export async function startKnownArticles(): Promise<void> {
  await loadKnownArticles();
  await listenDb(CONTENT_CHANNEL, (payload) => {
    const event = parseContentEvent(payload);
    if (!event) return;
    if (event.publicationId !== null) noteKnownArticles(event.publicationId, event.slugs);
    if (event.all)
      void loadKnownArticles().catch((err: unknown) => console.error("[articles] reload failed:", err instanceof Error ? err.message : String(err)));
  });
}
