import "server-only";
import { unstable_cache } from "next/cache";
import { getDb, type Db } from "@/db/client";
import { getLiveArticleBySlug, listLiveArticles, listRelatedSlugs, type ListFilter } from "@/db/queries/articles";
import { getAuthorBySlug, getSectionBySlug, getTagBySlug, listSections, listTiers } from "@/db/queries/taxonomy";
import { ANON_TIER, canRead, isCacheTier, tierBySlug, type TierRef } from "@/lib/access";
import { isLookupKey } from "@/lib/http/lookup-key";
import { articleTag, listsTag, relatedAllTag, relatedTags, RENDER_TTL_SECONDS, taxonomyTag, tiersTag, type RelatedKey } from "./cache-tags";
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
  type SectionView,
  type TierView,
} from "./view-models";

// Cached, JSON-safe reads for reader pages, per publication (`pub`: its id). Nothing here reads
// cookies or the session: the tier is always an argument, so one cached entry serves every reader
// of that tier in that publication.

const cacheOpts = (tags: string[]) => ({ tags, revalidate: RENDER_TTL_SECONDS });

export const getTiers = (pub: number): Promise<TierView[]> =>
  unstable_cache(async () => (await listTiers(await getDb(), pub)).map(toTierView), ["tiers", String(pub)], cacheOpts([tiersTag(pub)]))();

export const getSections = (pub: number): Promise<SectionView[]> =>
  unstable_cache(async () => (await listSections(await getDb(), pub)).map(toSectionView), ["sections", String(pub)], cacheOpts([taxonomyTag(pub)]))();

export const getLatestCards = (pub: number, filter: ListFilter = {}, limit = 20): Promise<ArticleCardView[]> =>
  unstable_cache(
    async () => (await listLiveArticles(await getDb(), pub, new Date(), filter, limit)).map(toCardView),
    ["latest", String(pub), JSON.stringify(filter), String(limit)],
    cacheOpts([listsTag(pub)]),
  )();

// An author, section or tag by its slug, with its latest live pieces: cached per (publication,
// slug) until the lists or the taxonomy change. A slug that cannot name a row is "not found"
// without a query or a cache entry.
function slugPage<K extends "section" | "author" | "tag", Row extends { id: number }, View>(
  key: K,
  find: (db: Db, pub: number, slug: string) => Promise<Row | null>,
  filter: (id: number) => ListFilter,
  view: (row: Row) => View,
) {
  type Page = { [k in K]: View } & { articles: ArticleCardView[] };
  const cached = (pub: number, slug: string) =>
    unstable_cache(
      async (): Promise<Page | null> => {
        const db = await getDb();
        const row = await find(db, pub, slug);
        if (!row) return null;
        const rows = await listLiveArticles(db, pub, new Date(), filter(row.id), 50);
        return { [key]: view(row), articles: rows.map(toCardView) } as Page;
      },
      [`${key}-page`, String(pub), slug],
      cacheOpts([listsTag(pub), taxonomyTag(pub)]),
    )();
  return (pub: number, slug: string): Promise<Page | null> => (isLookupKey(slug) ? cached(pub, slug) : Promise.resolve(null));
}

export const getSectionPage = slugPage("section", getSectionBySlug, (sectionId) => ({ sectionId }), toSectionView);
export const getAuthorPage = slugPage("author", getAuthorBySlug, (authorId) => ({ authorId }), toAuthorView);
export const getTagPage = slugPage(
  "tag",
  getTagBySlug,
  (tagId) => ({ tagId }),
  (tag) => ({ slug: tag.slug, name: tag.name }),
);

export type RelatedOf = RelatedKey & { publicationId: number; articleId: number };

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
  relatedTo: RelatedOf;
};

export function resolveCacheTier(tiers: TierView[], slug: string): TierRef | null {
  if (!isCacheTier(tiers, slug)) return null;
  return slug === ANON_TIER.slug ? ANON_TIER : (tierBySlug(tiers, slug) ?? null);
}

export const getTierArticle = (pub: number, tierSlug: string, slug: string): Promise<TierArticle | null> =>
  unstable_cache(
    async (): Promise<TierArticle | null> => {
      const db = await getDb();
      const now = new Date();
      const tiers = (await listTiers(db, pub)).map(toTierView);
      const tier = resolveCacheTier(tiers, tierSlug);
      const row = tier ? await getLiveArticleBySlug(db, pub, slug, now) : null;
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
        relatedTo: { publicationId: pub, articleId: row.id, sectionId: row.sectionId, tagIds: row.tags.map((t) => t.id) },
      };
    },
    ["tier-article", String(pub), tierSlug, slug],
    // Not the lists tag: a save of another piece must not expire every piece's render (issue 15
    // §7). The related list below carries its own, narrower tags. Taxonomy: section and author
    // names shown in the header.
    cacheOpts([articleTag(pub, slug), tiersTag(pub), taxonomyTag(pub)]),
  )();

// The slugs a piece lists as related: tagged by its section and tags, so only a piece joining or
// leaving those groups changes the list.
const getRelatedSlugs = (key: RelatedOf): Promise<string[]> =>
  unstable_cache(
    async () =>
      listRelatedSlugs(
        await getDb(),
        { id: key.articleId, publicationId: key.publicationId, sectionId: key.sectionId, tags: key.tagIds.map((id) => ({ id })) },
        new Date(),
        3,
      ),
    ["related", String(key.publicationId), String(key.articleId), String(key.sectionId), key.tagIds.join(",")],
    cacheOpts([relatedAllTag(key.publicationId), ...relatedTags(key)]),
  )();

// One piece's card, tagged by that piece: editing it re-renders exactly the pages showing it.
const getCard = (pub: number, slug: string): Promise<ArticleCardView | null> =>
  unstable_cache(
    async () => {
      const row = await getLiveArticleBySlug(await getDb(), pub, slug, new Date());
      return row ? toCardView(row) : null;
    },
    ["card", String(pub), slug],
    cacheOpts([articleTag(pub, slug), taxonomyTag(pub)]),
  )();

export async function getRelatedCards(key: RelatedOf): Promise<ArticleCardView[]> {
  const cards = await Promise.all((await getRelatedSlugs(key)).map((slug) => getCard(key.publicationId, slug)));
  return cards.filter((c): c is ArticleCardView => c !== null);
}
