// Metadata and JSON-LD of the per-tier article page. Pure: origin, tier list and `now` are
// arguments. Both use only tier-independent inputs (the dek, the teaser, the piece's access rule),
// so every tier's cached render of a piece carries the same head and structured data.
import type { Metadata } from "next";
import type { TierRef } from "@/lib/access";
import { toPlainText } from "@/lib/articles/plain-text";
import type { ArticleView } from "@/lib/articles/view-models";
import { publicationName, type PublicationRef } from "@/lib/publications/model";
import { articleDescription, resolveArticleSeoAccess } from "./article-seo";
import { buildNewsArticle, type JsonLd } from "./json-ld";
import { articleMetadata } from "./metadata";
import { siteIdentity } from "./site";

// The fields of a TierArticle these helpers read; teaserHtml is the part every tier receives.
export type ArticleSeoSource = { article: ArticleView; teaserHtml: string; hasGatedPart: boolean };

const describe = (src: ArticleSeoSource) => articleDescription(src.article, toPlainText(src.teaserHtml));

export function articlePageMetadata(src: ArticleSeoSource, pub: PublicationRef, base: string): Metadata {
  return articleMetadata({ base, siteName: publicationName(pub, src.article.locale), article: src.article, description: describe(src) });
}

export function articlePageJsonLd(src: ArticleSeoSource, tiers: readonly TierRef[], pub: PublicationRef, base: string, now: Date): JsonLd {
  return buildNewsArticle({
    article: src.article,
    base,
    description: describe(src),
    access: resolveArticleSeoAccess(src.article, src.hasGatedPart, tiers, now),
    site: siteIdentity(pub, base, src.article.locale),
  });
}
