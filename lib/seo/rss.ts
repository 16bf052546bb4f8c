// RSS 2.0 documents. Pure: entries are already cut to what an anonymous reader may see
// (feed-entries.ts) and the origin is an argument.
import type { UiLang } from "@/lib/i18n";
import type { FeedEntry } from "./feed-entries";
import { absoluteUrl, absolutizeHtmlUrls, articlePath } from "./urls";
import { cdata, element, escapeXml } from "./xml";

export const RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8";
export const FEED_ITEM_LIMIT = 30;

export type FeedChannel = {
  base: string;
  title: string;
  description: string;
  // The page the feed belongs to and the feed's own URL (both paths or absolute URLs).
  link: string;
  selfPath: string;
  language: UiLang;
};

// Names the tier that reads the rest (a reader who is already a member needs to know it is not enough).
const CONTINUE_READING: Record<UiLang, (tier: string | null) => string> = {
  ko: (tier) => `이 기사의 나머지는 ${tier ? `${tier} 회원` : "회원"}에게 공개됩니다. 사이트에서 이어 읽기 →`,
  en: (tier) => `The rest of this piece is for ${tier ? `${tier} members` : "members"}. Continue reading on the site →`,
};

const escapeAttr = escapeXml;

function itemXml(entry: FeedEntry, base: string): string {
  const link = absoluteUrl(base, articlePath(entry.slug));
  const hero = entry.heroImage ? `<figure><img src="${escapeAttr(absoluteUrl(base, entry.heroImage))}" alt="${escapeAttr(entry.heroAlt)}"></figure>` : "";
  const more = entry.gated ? `<p><a href="${escapeAttr(link)}">${escapeXml(CONTINUE_READING[entry.locale](entry.requiredTier))}</a></p>` : "";
  const html = hero + absolutizeHtmlUrls(entry.contentHtml, base) + more;
  return [
    "<item>",
    element("title", entry.title),
    element("link", link),
    element("guid", link, { isPermaLink: "true" }),
    element("pubDate", new Date(entry.publishAt).toUTCString()),
    element("description", entry.summary),
    `<content:encoded>${cdata(html)}</content:encoded>`,
    ...entry.authors.map((name) => element("dc:creator", name)),
    ...entry.categories.map((name) => element("category", name)),
    "</item>",
  ].join("");
}

/**
 * The document depends only on its inputs — lastBuildDate is the newest entry's update time, not
 * the clock — so an unchanged feed keeps its ETag and conditional requests get 304.
 */
export function buildRss(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const newest = entries.reduce<string | null>((max, e) => (max === null || e.updatedAt > max ? e.updatedAt : max), null);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    element("title", channel.title),
    element("link", absoluteUrl(channel.base, channel.link)),
    element("description", channel.description),
    element("language", channel.language),
    newest ? element("lastBuildDate", new Date(newest).toUTCString()) : "",
    `<atom:link href="${escapeAttr(absoluteUrl(channel.base, channel.selfPath))}" rel="self" type="application/rss+xml"/>`,
    ...entries.map((e) => itemXml(e, channel.base)),
    "</channel>",
    "</rss>\n",
  ].join("");
}
