import "server-only";
import { unstable_cache } from "next/cache";
import type { Db } from "@/db/client";
import { getLivePrivateFeedByHash } from "@/db/queries/feeds";
import type { EffectiveAccess } from "@/lib/access";
import { loadMemberAccess } from "@/lib/auth/member-access";
import type { FeedEntry } from "@/lib/seo/feed-entries";
import { feedCacheOptions, loadFeedEntries } from "@/lib/seo/feed-data";
import { FEED_ITEM_LIMIT } from "@/lib/seo/rss";
import { hashFeedToken } from "./token";

// Entries cut for one tier. Like the per-tier article render, one cache entry serves every member
// of a tier, so the cache never holds anything per member; who gets which tier's entries is
// decided per request (resolvePrivateFeedReader), never cached.
export const getTierFeedEntries = (pub: number, tierSlug: string): Promise<FeedEntry[]> =>
  unstable_cache(() => loadFeedEntries(pub, {}, tierSlug), ["private-feed", String(pub), tierSlug, String(FEED_ITEM_LIMIT)], feedCacheOptions(pub))();

/**
 * Who a private feed URL belongs to and what they may read *now*, straight from the database on
 * every fetch: a revoked or rotated URL (or a deleted member) yields null, and a member whose
 * grants ended or were revoked gets their current (lower) tier at once.
 */
export async function resolvePrivateFeedReader(db: Db, token: string, now: Date): Promise<{ publicationId: number; access: EffectiveAccess } | null> {
  const feed = await getLivePrivateFeedByHash(db, hashFeedToken(token));
  if (!feed) return null;
  const loaded = await loadMemberAccess(db, feed.memberId, feed.publicationId, now);
  return loaded ? { publicationId: feed.publicationId, access: loaded.access } : null;
}
