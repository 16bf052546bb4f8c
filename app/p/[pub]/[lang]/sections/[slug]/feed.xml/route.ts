import { getSections } from "@/lib/articles/reader";
import { localePath, isUiLang } from "@/lib/i18n";
import { originOf, getPublicationView } from "@/lib/publications/current";
import { publicationName, publicationTagline } from "@/lib/publications/model";
import { conditionalTextResponse, FEED_CACHE_CONTROL } from "@/lib/seo/conditional";
import { getSectionFeed } from "@/lib/seo/feed-data";
import { buildRss, RSS_CONTENT_TYPE } from "@/lib/seo/rss";
import { sectionFeedPath } from "@/lib/seo/urls";

// GET /sections/{slug}/feed.xml (Korean channel) and /en/sections/{slug}/feed.xml (English
// channel), reached through the proxy's rewrite to /p/<publication>/<lang>/…: one section's
// latest pieces, cut like /feed.xml.

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(request: Request, { params }: { params: Promise<{ pub: string; lang: string; slug: string }> }) {
  const { pub: pubSlug, lang, slug } = await params;
  if (!isUiLang(lang)) return text("Not found", 404);
  try {
    const pub = await getPublicationView(pubSlug);
    if (!pub) return text("Not found", 404);
    // Checked against the cached section list first, so unknown slugs add no cache entries.
    if (!(await getSections(pub.id)).some((s) => s.slug === slug)) return text("Not found", 404);
    const data = await getSectionFeed(pub.id, slug);
    if (!data) return text("Not found", 404);
    const name = lang === "en" ? data.section.nameEn : data.section.name;
    const description = (lang === "en" ? data.section.descriptionEn : data.section.description) || publicationTagline(pub, lang);
    const xml = buildRss(
      {
        base: originOf(pub),
        title: `${name} — ${publicationName(pub, lang)}`,
        description,
        link: localePath(lang, `/sections/${slug}`),
        selfPath: sectionFeedPath(lang, slug),
        language: lang,
      },
      data.entries,
    );
    return conditionalTextResponse(request, xml, { contentType: RSS_CONTENT_TYPE, cacheControl: FEED_CACHE_CONTROL });
  } catch (err) {
    console.error("[feed] section feed failed", slug, err);
    return text("Feed unavailable", 500);
  }
}
