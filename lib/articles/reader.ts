import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/db/client";
import { getLiveArticleBySlug, listLiveArticles, listRelatedSlugs, type ListFilter } from "@/db/queries/articles";
import { getAuthorBySlug, getSectionBySlug, getTagBySlug, listSections, listTiers } from "@/db/queries/taxonomy";
import { ANON_TIER, canRead, isCacheTier, tierBySlug, type TierRef } from "@/lib/access";
import { isLookupKey } from "@/lib/http/lookup-key";
import { ARTICLE_LISTS_TAG, articleTag, RELATED_TAG, relatedTags, RENDER_TTL_SECONDS, TAXONOMY_TAG, TIERS_TAG, type RelatedKey } from "./cache-tags";
import { renderMarkdown } from "./markdown";
import { splitPreview } from "./preview";
import {
  toArticleView,
  toAuthorView,
  toCardView,
  toSectionView,
  toTierView,
  type ArticleCardView,
  type ArticleView,
  type AuthorView,
  type SectionView,
  type TierView,
} from "./view-models";

// Cached, JSON-safe reads for reader pages. Nothing here reads cookies or the session: the tier
// is always an argument, so one cached entry serves every reader of that tier.

const cacheOpts = (tags: string[]) => ({ tags, revalidate: RENDER_TTL_SECONDS });

export const getTiers = (): Promise<TierView[]> =>
  unstable_cache(async () => (await listTiers(await getDb())).map(toTierView), ["tiers"], cacheOpts([TIERS_TAG]))();

export const getSections = (): Promise<SectionView[]> =>
  unstable_cache(async () => (await listSections(await getDb())).map(toSectionView), ["sections"], cacheOpts([TAXONOMY_TAG]))();

export const getLatestCards = (filter: ListFilter = {}, limit = 20): Promise<ArticleCardView[]> =>
  unstable_cache(
    async () => (await listLiveArticles(await getDb(), new Date(), filter, limit)).map(toCardView),
    ["latest", JSON.stringify(filter), String(limit)],
    cacheOpts([ARTICLE_LISTS_TAG]),
  )();

const getSectionPageCached = (slug: string) =>
  unstable_cache(
    async (): Promise<{ section: SectionView; articles: ArticleCardView[] } | null> => {
      const db = await getDb();
      const section = await getSectionBySlug(db, slug);
      if (!section) return null;
      const rows = await listLiveArticles(db, new Date(), { sectionId: section.id }, 50);
      return { section: toSectionView(section), articles: rows.map(toCardView) };
    },
    ["section-page", slug],
    cacheOpts([ARTICLE_LISTS_TAG, TAXONOMY_TAG]),
  )();
// A slug that cannot name a row is "not found" without a query or a cache entry.
export const getSectionPage = (slug: string) => (isLookupKey(slug) ? getSectionPageCached(slug) : Promise.resolve(null));

const getAuthorPageCached = (slug: string) =>
  unstable_cache(
    async (): Promise<{ author: AuthorView; articles: ArticleCardView[] } | null> => {
      const db = await getDb();
      const author = await getAuthorBySlug(db, slug);
      if (!author) return null;
      const rows = await listLiveArticles(db, new Date(), { authorId: author.id }, 50);
      return { author: toAuthorView(author), articles: rows.map(toCardView) };
    },
    ["author-page", slug],
    cacheOpts([ARTICLE_LISTS_TAG, TAXONOMY_TAG]),
  )();
export const getAuthorPage = (slug: string) => (isLookupKey(slug) ? getAuthorPageCached(slug) : Promise.resolve(null));

const getTagPageCached = (slug: string) =>
  unstable_cache(
    async (): Promise<{ tag: { slug: string; name: string }; articles: ArticleCardView[] } | null> => {
      const db = await getDb();
      const tag = await getTagBySlug(db, slug);
      if (!tag) return null;
      const rows = await listLiveArticles(db, new Date(), { tagId: tag.id }, 50);
      return { tag: { slug: tag.slug, name: tag.name }, articles: rows.map(toCardView) };
    },
    ["tag-page", slug],
    cacheOpts([ARTICLE_LISTS_TAG, TAXONOMY_TAG]),
  )();
export const getTagPage = (slug: string) => (isLookupKey(slug) ? getTagPageCached(slug) : Promise.resolve(null));

export type TierArticle = {
  article: ArticleView;
  tier: string;
  readable: boolean;
  teaserHtml: string;
  // Present only when the tier may read the piece: gated text is cut here, on the server.
  gatedHtml: string | null;
  // The piece has a part beyond the preview cut (false for public pieces, shown whole).
  hasGatedPart: boolean;
  requiredTier: TierView | null;
  // What the related list is computed from (getRelatedCards).
  relatedTo: RelatedKey & { articleId: number };
};

export function resolveCacheTier(tiers: TierView[], slug: string): TierRef | null {
  if (!isCacheTier(tiers, slug)) return null;
  return slug === ANON_TIER.slug ? ANON_TIER : (tierBySlug(tiers, slug) ?? null);
}

export const getTierArticle = (tierSlug: string, slug: string): Promise<TierArticle | null> =>
  unstable_cache(
    async (): Promise<TierArticle | null> => {
      const db = await getDb();
      const now = new Date();
      const tiers = (await listTiers(db)).map(toTierView);
      const tier = resolveCacheTier(tiers, tierSlug);
      const row = tier ? await getLiveArticleBySlug(db, slug, now) : null;
      if (!tier || !row) return null;
      const readable = canRead({ access: row.access, unlockAt: row.unlockAt }, tier, tiers, now);
      const { teaser, gated } = splitPreview(row.body, row.previewParagraphs);
      const isPublic = row.access === "public";
      const required = row.access === "public" ? null : (tiers.find((t) => t.slug === row.access) ?? null);
      return {
        article: toArticleView(row),
        tier: tier.slug,
        readable,
        teaserHtml: renderMarkdown(isPublic ? row.body : teaser),
        gatedHtml: !isPublic && readable && gated ? renderMarkdown(gated) : null,
        hasGatedPart: !isPublic && gated !== null,
        requiredTier: required,
        relatedTo: { articleId: row.id, sectionId: row.sectionId, tagIds: row.tags.map((t) => t.id) },
      };
    },
    ["tier-article", tierSlug, slug],
    // Not the lists tag: a save of another piece must not expire every piece's render (issue 15
    // §7). The related list below carries its own, narrower tags. Taxonomy: section and author
    // names shown in the header.
    cacheOpts([articleTag(slug), TIERS_TAG, TAXONOMY_TAG]),
  )();

// The slugs a piece lists as related: tagged by its section and tags, so only a piece joining or
// leaving those groups changes the list.
const getRelatedSlugs = (key: RelatedKey & { articleId: number }): Promise<string[]> =>
  unstable_cache(
    async () => listRelatedSlugs(await getDb(), { id: key.articleId, sectionId: key.sectionId, tags: key.tagIds.map((id) => ({ id })) }, new Date(), 3),
    ["related", String(key.articleId), String(key.sectionId), key.tagIds.join(",")],
    cacheOpts([RELATED_TAG, ...relatedTags(key)]),
  )();

// One piece's card, tagged by that piece: editing it re-renders exactly the pages showing it.
const getCard = (slug: string): Promise<ArticleCardView | null> =>
  unstable_cache(
    async () => {
      const row = await getLiveArticleBySlug(await getDb(), slug, new Date());
      return row ? toCardView(row) : null;
    },
    ["card", slug],
    cacheOpts([articleTag(slug), TAXONOMY_TAG]),
  )();

export async function getRelatedCards(key: RelatedKey & { articleId: number }): Promise<ArticleCardView[]> {
  const cards = await Promise.all((await getRelatedSlugs(key)).map(getCard));
  return cards.filter((c): c is ArticleCardView => c !== null);
}
