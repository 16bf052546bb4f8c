import { isUiLang, localePath } from "@/lib/i18n";
import { getPublicationView, originOf } from "@/lib/publications/current";
import { publicationName, publicationTagline } from "@/lib/publications/model";
import { conditionalTextResponse, FEED_CACHE_CONTROL } from "@/lib/seo/conditional";
import { getSiteFeedEntries } from "@/lib/seo/feed-data";
import { buildRss, RSS_CONTENT_TYPE } from "@/lib/seo/rss";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

// GET /feed.xml (every piece of the publication, Korean channel) and /en/feed.xml (its English
// pieces, English channel), reached through the proxy's rewrite to /p/<publication>/<lang>/…:
// full text of what anyone may read, the teaser of gated pieces. Anonymous by design: it never
// looks at cookies or a session.
export async function GET(request: Request, { params }: { params: Promise<{ pub: string; lang: string }> }) {
  const { pub: slug, lang } = await params;
  if (!isUiLang(lang)) return text("Not found", 404);
  try {
    const pub = await getPublicationView(slug);
    if (!pub) return text("Not found", 404);
    const entries = await getSiteFeedEntries(pub.id, lang === "en" ? "en" : null);
    const xml = buildRss(
      {
        base: originOf(pub),
        title: publicationName(pub, lang),
        description: publicationTagline(pub, lang),
        link: localePath(lang, "/"),
        selfPath: localePath(lang, "/feed.xml"),
        language: lang,
      },
      entries,
    );
    return conditionalTextResponse(request, xml, { contentType: RSS_CONTENT_TYPE, cacheControl: FEED_CACHE_CONTROL });
  } catch (err) {
    console.error("[feed] /feed.xml failed", err);
    return text("Feed unavailable", 500);
  }
}
