import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/db/client";
import { listLiveArticles, type ArticleRow, type ListFilter } from "@/db/queries/articles";
import { getSectionBySlug, listTiers } from "@/db/queries/taxonomy";
import { ANON_TIER, tierBySlug } from "@/lib/access";
import { listsTag, RENDER_TTL_SECONDS, taxonomyTag, tiersTag } from "@/lib/articles/cache-tags";
import { toSectionView, toTierView, type SectionView } from "@/lib/articles/view-models";
import { toFeedEntry, type FeedEntry, type FeedPiece } from "./feed-entries";
import { FEED_ITEM_LIMIT } from "./rss";

// Cached reads behind the public feeds. The cache holds finished entries — what an anonymous
// reader may see, decided at fill time — never a gated body. Like the per-tier pages, entries live
// at most RENDER_TTL_SECONDS past a time-based unlock and are dropped at once by the list tags on
// edits.

export function toFeedPiece(row: ArticleRow): FeedPiece {
  return {
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    locale: row.locale,
    body: row.body,
    previewParagraphs: row.previewParagraphs,
    access: row.access,
    unlockAt: row.unlockAt,
    publishAt: row.publishAt ?? row.createdAt,
    updatedAt: row.updatedAt,
    heroImage: row.heroImage,
    heroAlt: row.heroAlt,
    section: row.section ? { slug: row.section.slug, name: row.section.name, nameEn: row.section.nameEn } : null,
    authors: row.authors.map((a) => ({ slug: a.slug, name: a.name })),
    tags: row.tags.map((t) => ({ slug: t.slug, name: t.name })),
  };
}

/** What every feed's cache entry is dropped by: piece lists, taxonomy and tiers of the publication. */
export const feedCacheOptions = (pub: number) => ({ tags: [listsTag(pub), taxonomyTag(pub), tiersTag(pub)], revalidate: RENDER_TTL_SECONDS });

/**
 * The one loader behind every feed (site, section, private): the latest live pieces matching
 * `filter`, each cut for the reader tier `readerSlug` (anonymous when null). Uncached: each feed
 * wraps it in `unstable_cache` under its own key.
 */
export async function loadFeedEntries(pub: number, filter: ListFilter, readerSlug: string | null = null): Promise<FeedEntry[]> {
  const db = await getDb();
  const now = new Date();
  const [tiers, rows] = await Promise.all([listTiers(db, pub), listLiveArticles(db, pub, now, filter, FEED_ITEM_LIMIT)]);
  const tierViews = tiers.map(toTierView);
  // An unknown slug (a tier deleted meanwhile) reads as anonymous: fail closed.
  const reader = readerSlug === null ? ANON_TIER : (tierBySlug(tierViews, readerSlug) ?? ANON_TIER);
  return rows.map((r) => toFeedEntry(toFeedPiece(r), tierViews, now, reader));
}

// `locale`: the feed of one language's pieces (the English feed lists English pieces), or all.
export const getSiteFeedEntries = (pub: number, locale: "ko" | "en" | null = null): Promise<FeedEntry[]> =>
  unstable_cache(
    () => loadFeedEntries(pub, locale ? { locale } : {}),
    ["seo-feed", "site", String(pub), locale ?? "all", String(FEED_ITEM_LIMIT)],
    feedCacheOptions(pub),
  )();

export const getSectionFeed = (pub: number, slug: string): Promise<{ section: SectionView; entries: FeedEntry[] } | null> =>
  unstable_cache(
    async () => {
      const section = await getSectionBySlug(await getDb(), pub, slug);
      if (!section) return null;
      return { section: toSectionView(section), entries: await loadFeedEntries(pub, { sectionId: section.id }) };
    },
    ["seo-feed", "section", String(pub), slug, String(FEED_ITEM_LIMIT)],
    feedCacheOptions(pub),
  )();
