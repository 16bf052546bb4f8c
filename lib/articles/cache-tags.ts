// Every cache tag is built here, never as an ad-hoc string.
export const articleTag = (slug: string) => `article:${slug}`;
// A piece's discussion: never attached to the page render, so comment writes leave it cached.
export const commentsTag = (slug: string) => `comments:${slug}`;
export const ARTICLE_LISTS_TAG = "articles";
export const TAXONOMY_TAG = "taxonomy";
export const TIERS_TAG = "tiers";

// How long cached data may live before Next refreshes it in the background. Edits revalidate by
// tag at once and the publish clock (lib/studio/publish-clock.ts) revalidates at every scheduled
// publish or unlock instant, so this is only a backstop.
export const RENDER_TTL_SECONDS = 3600;
