// Every cache tag is built here, never as an ad-hoc string. Tags are per publication: an edit in
// one publication never expires another's renders.
export const articleTag = (publicationId: number, slug: string) => `article:${publicationId}:${slug}`;
// A piece's discussion: never attached to the page render, so comment writes leave it cached.
export const commentsTag = (publicationId: number, slug: string) => `comments:${publicationId}:${slug}`;
// The home, section, author and tag pages, the feeds and the sitemap of a publication.
export const listsTag = (publicationId: number) => `articles:${publicationId}`;
// Which pieces a page lists as related depends on the live pieces of its section and tags. A save
// that changes a piece's membership (goes live, moves section, changes tags or date) expires the
// related lists of those groups only; an edit of its text expires, through articleTag, the pages
// that show its card. Imports expire every related list of the publication (relatedAllTag).
export const relatedAllTag = (publicationId: number) => `related:${publicationId}`;
export type RelatedKey = { sectionId: number | null; tagIds: readonly number[] };
// Section and tag ids are unique across publications.
export const relatedTags = (key: RelatedKey): string[] => [
  ...(key.sectionId === null ? [] : [`related:s:${key.sectionId}`]),
  ...key.tagIds.map((id) => `related:t:${id}`),
];
export const taxonomyTag = (publicationId: number) => `taxonomy:${publicationId}`;
export const tiersTag = (publicationId: number) => `tiers:${publicationId}`;
// Publications' names, brands and hosts: every page shows its publication's.
export const PUBLICATIONS_TAG = "publications";

// How long cached data may live before Next refreshes it in the background. Edits revalidate by
// tag at once and the publish clock (lib/studio/publish-clock.ts) revalidates at every scheduled
// publish or unlock instant, so this is only a backstop.
export const RENDER_TTL_SECONDS = 3600;
