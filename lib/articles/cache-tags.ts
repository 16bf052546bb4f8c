// Every cache tag is built here, never as an ad-hoc string.
export const articleTag = (slug: string) => `article:${slug}`;
// A piece's discussion: never attached to the page render, so comment writes leave it cached.
export const commentsTag = (slug: string) => `comments:${slug}`;
export const ARTICLE_LISTS_TAG = "articles";
// Which pieces a page lists as related depends on the live pieces of its section and tags. A save
// that changes a piece's membership (goes live, moves section, changes tags or date) expires the
// related lists of those groups only; an edit of its text expires, through articleTag, the pages
// that show its card. Imports expire every related list (RELATED_TAG).
export const RELATED_TAG = "related";
export type RelatedKey = { sectionId: number | null; tagIds: readonly number[] };
export const relatedTags = (key: RelatedKey): string[] => [
  ...(key.sectionId === null ? [] : [`related:s:${key.sectionId}`]),
  ...key.tagIds.map((id) => `related:t:${id}`),
];
export const TAXONOMY_TAG = "taxonomy";
export const TIERS_TAG = "tiers";

// How long cached data may live before Next refreshes it in the background. Edits revalidate by
// tag at once and the publish clock (lib/studio/publish-clock.ts) revalidates at every scheduled
// publish or unlock instant, so this is only a backstop.
export const RENDER_TTL_SECONDS = 3600;
