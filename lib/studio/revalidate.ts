import "server-only";
import { revalidateTag } from "next/cache";
import { ARTICLE_LISTS_TAG, articleTag, RELATED_TAG, TAXONOMY_TAG, TIERS_TAG } from "@/lib/articles/cache-tags";
import { noteKnownArticles } from "@/lib/routing/known-articles";
import type { ContentEvent } from "./content-events";
import { nudgePublishClock } from "./publish-clock";

export type CacheChange = Omit<ContentEvent, "origin"> & { all?: boolean };

// Must run inside a request (Server Action or Route Handler): Next keeps revalidations in the
// request's work store. `expire: 0` refreshes every tier's render of a piece on its next request
// instead of serving one stale copy (design §10).
export function revalidateContent(change: CacheChange): void {
  // Known to the proxy at once, before the NOTIFY of the same write comes back.
  noteKnownArticles(change.slugs);
  const now = { expire: 0 };
  for (const slug of change.slugs) revalidateTag(articleTag(slug), now);
  // The home, section, author and tag pages, the feeds and the sitemap (not the piece pages).
  if (change.lists || change.all) revalidateTag(ARTICLE_LISTS_TAG, now);
  // Related lists of the groups a piece joined or left; all of them after a bulk change.
  for (const tag of change.related ?? []) revalidateTag(tag, now);
  if (change.all) revalidateTag(RELATED_TAG, now);
  if (change.taxonomy || change.all) revalidateTag(TAXONOMY_TAG, now);
  if (change.tiers || change.all) revalidateTag(TIERS_TAG, now);
}

// After a write through this instance: refresh the caches now and re-arm the publish clock, whose
// next instant may have moved (a new schedule or unlock).
export function afterContentChange(change: CacheChange): void {
  revalidateContent(change);
  nudgePublishClock();
}
