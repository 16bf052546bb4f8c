// Absolute URLs for feeds, sitemaps, JSON-LD and share images. Pure: the origin is an argument
// (callers pass `siteUrl()`), so nothing here depends on the environment.
import { localePath, type UiLang } from "@/lib/i18n";

export function absoluteUrl(base: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  const origin = base.replace(/\/+$/, "");
  const clean = path.startsWith("/") ? path : `/${path}`;
  return clean === "/" ? origin : `${origin}${clean}`;
}

export const articlePath = (slug: string) => `/articles/${slug}`;
export const ogImagePath = (slug: string) => `/api/og/${slug}`;
export const sectionFeedPath = (lang: UiLang, slug: string) => localePath(lang, `/sections/${slug}/feed.xml`);
export const SITE_FEED_PATH = "/feed.xml";
export const SITE_LOGO_PATH = "/api/og/site/logo";
export const DEFAULT_SHARE_IMAGE = { path: "/images/og-default.jpg", width: 1200, height: 630 };
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 };

// Root-relative links and images inside article HTML (`/articles/x`, `/images/y.jpg`) would resolve
// against the feed reader's own origin; feeds need them absolute. Protocol-relative `//host` is
// left alone (the sanitizer already refuses it in bodies).
export function absolutizeHtmlUrls(html: string, base: string): string {
  const origin = base.replace(/\/+$/, "");
  return html.replace(/(\s(?:href|src)=")\/(?![/\\])/g, `$1${origin}/`);
}
