// schema.org JSON-LD builders. Pure: the origin, the site identity and the access decision are
// arguments, so the same input always yields the same markup (and unit tests need no server).
import type { ArticleView, AuthorView } from "@/lib/articles/view-models";
import { localePath, type UiLang } from "@/lib/i18n";
import { absoluteUrl, articlePath, ogImagePath } from "./urls";

// The element wrapping the part of a piece only readers with access receive
// (app/t/[tier]/articles/[slug]/page.tsx). Google's paywalled-content markup points at it.
export const PAYWALLED_CLASS = "paywalled-content";
export const PAYWALLED_SELECTOR = `.${PAYWALLED_CLASS}`;

export type JsonLd = { "@context"?: "https://schema.org"; "@type": string; [key: string]: unknown };

// Fragment identifiers hang off the origin's root URL ("https://x.kr/#organization").
const orgId = (base: string) => `${absoluteUrl(base, "/")}/#organization`;

export type SiteIdentity = { name: string; alternateName?: string; base: string; logoUrl: string; description?: string };

export function buildOrganization(site: SiteIdentity): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "NewsMediaOrganization",
    "@id": orgId(site.base),
    name: site.name,
    ...(site.alternateName ? { alternateName: site.alternateName } : {}),
    url: absoluteUrl(site.base, "/"),
    logo: { "@type": "ImageObject", url: site.logoUrl },
  };
}

export function buildWebSite(site: SiteIdentity, lang: UiLang): JsonLd {
  const home = absoluteUrl(site.base, localePath(lang, "/"));
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    "@id": `${home === absoluteUrl(site.base, "/") ? `${home}/` : home}#website`,
    name: site.name,
    ...(site.alternateName ? { alternateName: site.alternateName } : {}),
    ...(site.description ? { description: site.description } : {}),
    url: home,
    inLanguage: lang,
    publisher: { "@id": orgId(site.base) },
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${absoluteUrl(site.base, localePath(lang, "/search"))}?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}

function person(author: AuthorView, base: string, lang: UiLang) {
  return {
    "@type": "Person",
    name: author.name,
    url: absoluteUrl(base, localePath(lang, `/authors/${author.slug}`)),
    ...(author.position ? { jobTitle: author.position } : {}),
    ...(author.avatarUrl ? { image: absoluteUrl(base, author.avatarUrl) } : {}),
  };
}

export function buildProfilePage(author: AuthorView, base: string, lang: UiLang): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "ProfilePage",
    url: absoluteUrl(base, localePath(lang, `/authors/${author.slug}`)),
    inLanguage: lang,
    mainEntity: { ...person(author, base, lang), ...(author.bio ? { description: author.bio } : {}) },
  };
}

export type ArticleSeoAccess = {
  // Whether a reader without an account may read the whole piece right now.
  isAccessibleForFree: boolean;
  // Whether the page withholds a part from such readers (the part the selector points at).
  paywalled: boolean;
};

export type NewsArticleInput = {
  article: ArticleView;
  base: string;
  description: string;
  access: ArticleSeoAccess;
  site: SiteIdentity;
};

// Google shows at most ~110 characters of a headline; longer ones are cut at a grapheme boundary.
function headline(title: string): string {
  const chars = Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(title), (s) => s.segment);
  return chars.length <= 110 ? title : `${chars.slice(0, 109).join("").trimEnd()}…`;
}

export function buildNewsArticle({ article, base, description, access, site }: NewsArticleInput): JsonLd {
  const url = absoluteUrl(base, articlePath(article.slug));
  const lang = article.locale;
  const section = article.section ? (lang === "en" ? article.section.nameEn : article.section.name) : null;
  const images = [absoluteUrl(base, ogImagePath(article.slug)), ...(article.heroImage ? [absoluteUrl(base, article.heroImage)] : [])];
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": `${url}#article`,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    headline: headline(article.title),
    ...(description ? { description } : {}),
    image: images,
    datePublished: article.publishAt,
    dateModified: article.updatedAt > article.publishAt ? article.updatedAt : article.publishAt,
    inLanguage: lang,
    author: article.authors.map((a) => person(a, base, lang)),
    ...(section ? { articleSection: section } : {}),
    ...(article.tags.length ? { keywords: article.tags.map((t) => t.name) } : {}),
    publisher: {
      "@type": "NewsMediaOrganization",
      "@id": orgId(base),
      name: site.name,
      url: absoluteUrl(base, "/"),
      logo: { "@type": "ImageObject", url: site.logoUrl },
    },
    isAccessibleForFree: access.isAccessibleForFree,
    ...(access.paywalled ? { hasPart: { "@type": "WebPageElement", isAccessibleForFree: false, cssSelector: PAYWALLED_SELECTOR } } : {}),
  };
}

// JSON.stringify leaves "<", ">", "&" and U+2028/2029 as they are; inside <script> a "</script>" or
// "<!--" in any string would end or confuse the element. Escaping them as \uXXXX keeps the JSON
// identical once parsed.
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
