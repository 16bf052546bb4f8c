import "server-only";
import { revalidateTag } from "next/cache";
import { articleTag, listsTag, PUBLICATIONS_TAG, relatedAllTag, taxonomyTag, tiersTag } from "@/lib/articles/cache-tags";
import { publicationTable } from "@/lib/publications/table";
import { noteKnownArticles } from "@/lib/routing/known-articles";
import type { ContentEvent } from "./content-events";
import { wakeEmailWorker } from "@/lib/email/runner";
import { nudgePublishClock } from "./publish-clock";

export type CacheChange = Omit<ContentEvent, "origin"> & { all?: boolean };

// Must run inside a request (Server Action or Route Handler): Next keeps revalidations in the
// request's work store. `expire: 0` refreshes every tier's render of a piece on its next request
// instead of serving one stale copy (design §10).
export function revalidateContent(change: CacheChange): void {
  const now = { expire: 0 };
  const { publicationId } = change;
  if (publicationId !== null) {
    // Known to the proxy at once, before the NOTIFY of the same write comes back.
    noteKnownArticles(publicationId, change.slugs);
    for (const slug of change.slugs) revalidateTag(articleTag(publicationId, slug), now);
  }
  // Related lists of the groups a piece joined or left (their tags name global ids).
  for (const tag of change.related ?? []) revalidateTag(tag, now);
  // Install-wide changes (tiers and bundles reach across publications; publications themselves)
  // touch every publication's pages.
  const scope = publicationId === null ? [...(publicationTable()?.byId.keys() ?? [])] : [publicationId];
  for (const id of scope) {
    // The home, section, author and tag pages, the feeds and the sitemap (not the piece pages).
    if (change.lists || change.all) revalidateTag(listsTag(id), now);
    if (change.all) revalidateTag(relatedAllTag(id), now);
    if (change.taxonomy || change.all) revalidateTag(taxonomyTag(id), now);
    if (change.tiers || change.all) revalidateTag(tiersTag(id), now);
  }
  if (change.publications) revalidateTag(PUBLICATIONS_TAG, now);
}

// After a write through this instance: refresh the caches now and re-arm the publish clock, whose
// next instant may have moved (a new schedule or unlock); a newsletter the write asked for goes now.
export function afterContentChange(change: CacheChange): void {
  revalidateContent(change);
  nudgePublishClock();
  wakeEmailWorker();
}
