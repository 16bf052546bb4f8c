// /sitemap.xml entries. Pure: the data and the origin are arguments.
import type { MetadataRoute } from "next";
import { localePath, uiLangs } from "@/lib/i18n";
import { languageAlternates } from "./metadata";
import { absoluteUrl, articlePath } from "./urls";

export type SitemapArticle = { slug: string; updatedAt: string; section: string | null; authors: string[]; tags: string[] };
export type SitemapSource = { articles: SitemapArticle[]; sections: string[]; authors: string[] };

type Entry = MetadataRoute.Sitemap[number];

const newest = (dates: string[]): string | undefined => dates.reduce<string | undefined>((max, d) => (max === undefined || d > max ? d : max), undefined);

// Listing pages exist in both UI languages; each version is listed with its alternates, as
// Google's hreflang-in-sitemap format asks.
function localized(base: string, path: string, lastModified: string | undefined): Entry[] {
  const languages = Object.fromEntries(Object.entries(languageAlternates(path)).map(([k, v]) => [k, absoluteUrl(base, v)]));
  return uiLangs.map((lang) => ({
    url: absoluteUrl(base, localePath(lang, path)),
    ...(lastModified ? { lastModified } : {}),
    alternates: { languages },
  }));
}

export function buildSitemap(src: SitemapSource, base: string): MetadataRoute.Sitemap {
  const lastmodBy = (pick: (a: SitemapArticle) => string[]) => {
    const map = new Map<string, string[]>();
    for (const a of src.articles) for (const key of pick(a)) map.set(key, [...(map.get(key) ?? []), a.updatedAt]);
    return (key: string) => newest(map.get(key) ?? []);
  };
  const sectionLastmod = lastmodBy((a) => (a.section ? [a.section] : []));
  const authorLastmod = lastmodBy((a) => a.authors);
  const tagLastmod = lastmodBy((a) => a.tags);
  const tags = [...new Set(src.articles.flatMap((a) => a.tags))].sort();

  return [
    ...localized(base, "/", newest(src.articles.map((a) => a.updatedAt))),
    ...src.sections.flatMap((s) => localized(base, `/sections/${s}`, sectionLastmod(s))),
    ...src.authors.flatMap((s) => localized(base, `/authors/${s}`, authorLastmod(s))),
    ...tags.flatMap((s) => localized(base, `/tags/${s}`, tagLastmod(s))),
    ...src.articles.map((a) => ({ url: absoluteUrl(base, articlePath(a.slug)), lastModified: a.updatedAt })),
  ];
}
