// What search engines are told about a piece. Pure: `now` and the tier list come from the caller,
// and the decision is the same canRead rule the per-tier render uses (design §3).
import { ANON_TIER, canRead, type TierRef } from "@/lib/access";
import { excerpt } from "@/lib/articles/plain-text";
import type { ArticleView } from "@/lib/articles/view-models";
import type { ArticleSeoAccess } from "./json-ld";

export const DESCRIPTION_MAX_CHARS = 200;

/**
 * Free when a reader without an account may read the whole piece now (public, or past its
 * time-based unlock), or when nothing lies beyond the preview cut. Otherwise the page withholds
 * the part after the cut, and the structured data says so.
 */
export function resolveArticleSeoAccess(
  piece: Pick<ArticleView, "access" | "unlockAt">,
  hasGatedPart: boolean,
  tiers: readonly TierRef[],
  now: Date,
): ArticleSeoAccess {
  const anonReads = canRead({ access: piece.access, unlockAt: piece.unlockAt ? new Date(piece.unlockAt) : null }, ANON_TIER, tiers, now);
  const isAccessibleForFree = anonReads || !hasGatedPart;
  return { isAccessibleForFree, paywalled: !isAccessibleForFree };
}

/**
 * The editor's SEO description, else the dek, else the start of the teaser text. Callers pass
 * the teaser's plain text only — the gated part must never reach a meta tag, which every tier's
 * cached page (and every share preview) carries.
 */
export function articleDescription(article: Pick<ArticleView, "seoDescription" | "dek">, teaserText: string): string {
  const chosen =
    article.seoDescription?.trim() ||
    article.dek
      .map((l) => l.trim())
      .filter(Boolean)
      .join(" ") ||
    teaserText;
  return excerpt(chosen, DESCRIPTION_MAX_CHARS);
}
