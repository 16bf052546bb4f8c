// Next.js Metadata for reader pages. Pure: the publication's origin and name are arguments.
import type { Metadata } from "next";
import type { ArticleView } from "@/lib/articles/view-models";
import { localePath, type UiLang } from "@/lib/i18n";
import { openGraphLocale } from "./site";
import { absoluteUrl, articlePath, DEFAULT_SHARE_IMAGE, ogImagePath, SHARE_IMAGE_SIZE, SITE_FEED_PATH } from "./urls";

type ShareImage = { url: string; width?: number; height?: number; alt?: string };

// Korean lives at the bare path, English under /en; both name each other, and x-default (for
// readers of any other language) is the Korean original.
export function languageAlternates(path: string): Record<string, string> {
  return { ko: localePath("ko", path), en: localePath("en", path), "x-default": localePath("ko", path) };
}

// Large-image previews in Google Discover and search need this explicit opt-in.
const ROBOTS: Metadata["robots"] = { index: true, follow: true, googleBot: { index: true, follow: true, "max-image-preview": "large" } };

export type ListingMetadataInput = {
  base: string;
  // The publication's name in this language.
  siteName: string;
  lang: UiLang;
  // The path without the language prefix: "/", "/sections/economy".
  path: string;
  title: string;
  // Used verbatim as the <title> (e.g. the home page, which must not get the "| site" suffix).
  absoluteTitle?: boolean;
  description: string;
  type?: "website" | "profile";
  image?: ShareImage;
  feed?: { path: string; title: string };
};

export function listingMetadata(input: ListingMetadataInput): Metadata {
  const { base, lang, path, title, description, siteName } = input;
  const canonical = localePath(lang, path);
  const image = input.image ?? { url: DEFAULT_SHARE_IMAGE.path, width: DEFAULT_SHARE_IMAGE.width, height: DEFAULT_SHARE_IMAGE.height, alt: siteName };
  return {
    metadataBase: new URL(base),
    title: input.absoluteTitle ? { absolute: title } : title,
    description,
    alternates: {
      canonical,
      languages: languageAlternates(path),
      types: { "application/rss+xml": [{ url: input.feed?.path ?? localePath(lang, SITE_FEED_PATH), title: input.feed?.title ?? siteName }] },
    },
    openGraph: {
      type: input.type ?? "website",
      url: canonical,
      siteName,
      locale: openGraphLocale(lang),
      alternateLocale: [openGraphLocale(lang === "ko" ? "en" : "ko")],
      title,
      description,
      images: [image],
    },
    twitter: { card: "summary_large_image", title, description, images: [image] },
    robots: ROBOTS,
  };
}

export type ArticleMetadataInput = { base: string; siteName: string; article: ArticleView; description: string };

export function articleMetadata({ base, siteName, article, description }: ArticleMetadataInput): Metadata {
  const lang = article.locale;
  const canonical = articlePath(article.slug);
  const title = article.seoTitle?.trim() || article.title;
  const image: ShareImage = { url: ogImagePath(article.slug), ...SHARE_IMAGE_SIZE, alt: article.title };
  const section = article.section ? (lang === "en" ? article.section.nameEn : article.section.name) : undefined;
  return {
    metadataBase: new URL(base),
    // The per-tier article layout sets no title template, so the site name is added here.
    title: { absolute: `${title} | ${siteName}` },
    description,
    authors: article.authors.map((a) => ({ name: a.name, url: absoluteUrl(base, localePath(lang, `/authors/${a.slug}`)) })),
    keywords: article.tags.map((tag) => tag.name),
    alternates: {
      canonical,
      languages: { [lang]: canonical },
      types: { "application/rss+xml": [{ url: localePath(lang, SITE_FEED_PATH), title: siteName }] },
    },
    openGraph: {
      type: "article",
      url: canonical,
      siteName,
      locale: openGraphLocale(lang),
      title,
      description,
      publishedTime: article.publishAt,
      modifiedTime: article.updatedAt,
      authors: article.authors.map((a) => absoluteUrl(base, localePath(lang, `/authors/${a.slug}`))),
      ...(section ? { section } : {}),
      tags: article.tags.map((tag) => tag.name),
      images: [image],
    },
    twitter: { card: "summary_large_image", title, description, images: [image] },
    robots: ROBOTS,
  };
}

const TAG_DESCRIPTION: Record<UiLang, (tag: string, site: string) => string> = {
  ko: (tag, site) => `${site}에서 ‘${tag}’ 태그가 붙은 기사`,
  en: (tag, site) => `Pieces tagged “${tag}” on ${site}`,
};

export const tagDescription = (lang: UiLang, tag: string, siteName: string) => TAG_DESCRIPTION[lang](tag, siteName);
