import { siteUrl } from "@/lib/env";
import { dict } from "@/lib/i18n";
import { conditionalTextResponse, FEED_CACHE_CONTROL } from "@/lib/seo/conditional";
import { getSiteFeedEntries } from "@/lib/seo/feed-data";
import { buildRss, RSS_CONTENT_TYPE } from "@/lib/seo/rss";
import { SITE_FEED_PATH } from "@/lib/seo/urls";

// GET /feed.xml: the latest pieces as RSS 2.0 — full text of what anyone may read, the teaser of
// gated pieces. Anonymous by design: it never looks at cookies or a session.
export async function GET(request: Request) {
  try {
    const t = dict("ko");
    const entries = await getSiteFeedEntries();
    const xml = buildRss({ base: siteUrl(), title: t.siteName, description: t.tagline, link: "/", selfPath: SITE_FEED_PATH, language: "ko" }, entries);
    return conditionalTextResponse(request, xml, { contentType: RSS_CONTENT_TYPE, cacheControl: FEED_CACHE_CONTROL });
  } catch (err) {
    console.error("[feed] /feed.xml failed", err);
    return new Response("Feed unavailable", { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
