// The private feed's document. Pure: the member's tier, the entries cut for that tier and the
// origin are arguments; the channel names the feed as personal so a reader app does not confuse
// it with the public /feed.xml.
import type { UiLang } from "@/lib/i18n";
import type { FeedEntry } from "@/lib/seo/feed-entries";
import { buildRss } from "@/lib/seo/rss";
import { feedMessages } from "./messages";
import { privateFeedPath } from "./token";

export type PrivateFeedInput = { base: string; siteName: string; token: string; lang: UiLang; entries: readonly FeedEntry[] };

export function buildPrivateFeed({ base, siteName, token, lang, entries }: PrivateFeedInput): string {
  const m = feedMessages(lang);
  return buildRss(
    { base, title: m.channelTitle(siteName), description: m.channelDescription, link: "/", selfPath: privateFeedPath(token, lang), language: lang },
    entries,
  );
}
