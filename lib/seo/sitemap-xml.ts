// The sitemap entries (lib/seo/sitemap.ts) as XML, with hreflang alternates in the xhtml
// namespace as Google's sitemap format asks. Pure.
import type { MetadataRoute } from "next";
import { escapeXml } from "./xml";

export const SITEMAP_CONTENT_TYPE = "application/xml; charset=utf-8";

export function sitemapXml(entries: MetadataRoute.Sitemap): string {
  const urls = entries.map((e) => {
    const lastmod = e.lastModified ? `<lastmod>${escapeXml(new Date(e.lastModified).toISOString())}</lastmod>` : "";
    const alternates = Object.entries(e.alternates?.languages ?? {})
      .map(([lang, href]) => `<xhtml:link rel="alternate" hreflang="${escapeXml(lang)}" href="${escapeXml(String(href))}"/>`)
      .join("");
    return `<url><loc>${escapeXml(e.url)}</loc>${alternates}${lastmod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join("\n")}\n</urlset>\n`;
}

// robots.txt of one publication. Share images live under /api/ but must stay fetchable: crawlers
// and chat apps drop a card whose image robots.txt forbids; the longer Allow wins.
export function robotsTxt(origin: string): string {
  return [
    "User-Agent: *",
    "Allow: /",
    "Allow: /api/og/",
    "Disallow: /studio",
    "Disallow: /t/",
    "Disallow: /p/",
    "Disallow: /api/",
    "Disallow: /account",
    "Disallow: /en/account",
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    "",
  ].join("\n");
}
