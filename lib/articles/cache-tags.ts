// Every cache tag is built here, never as an ad-hoc string.
export const articleTag = (slug: string) => `article:${slug}`;
export const ARTICLE_LISTS_TAG = "articles";
export const TAXONOMY_TAG = "taxonomy";
export const TIERS_TAG = "tiers";

// How long a cached render may live before Next re-renders it in the background. Edits revalidate
// by tag at once; this bounds anything time-based (scheduled pieces, unlocks) until issue-level
// work makes those exact.
export const RENDER_TTL_SECONDS = 60;
