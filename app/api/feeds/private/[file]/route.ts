import { getDb } from "@/db/client";
import { originOf } from "@/lib/publications/current";
import { publicationName } from "@/lib/publications/model";
import { publicationById } from "@/lib/publications/table";
import { buildPrivateFeed } from "@/lib/feeds/private-feed";
import { getTierFeedEntries, resolvePrivateFeedReader } from "@/lib/feeds/private-feed-data";
import { parseFeedFile } from "@/lib/feeds/token";
import { conditionalTextResponse } from "@/lib/seo/conditional";
import { RSS_CONTENT_TYPE } from "@/lib/seo/rss";

export const dynamic = "force-dynamic";

// The reader's app may keep the document and its ETag but must ask again every time (no-cache),
// so access is re-checked on every fetch; `private` keeps it out of shared caches, and the URL is
// a credential, so it must not leak through a Referer or a search index.
const PRIVATE_HEADERS = { "X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "no-referrer" };
const CACHE_CONTROL = "private, no-cache";

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...PRIVATE_HEADERS } });
}

// GET /api/feeds/private/{token}.xml: a member's full-text feed. The token is looked up by its
// hash and the member's access resolved from the database on every request: a rotated or revoked
// URL is 404 at once; a member whose paid access ended gets teasers of what they can no longer
// read (the same cut an anonymous or free reader gets).
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const token = parseFeedFile((await params).file);
  if (!token) return notFound();
  try {
    const reader = await resolvePrivateFeedReader(await getDb(), token, new Date());
    const pub = reader ? publicationById(reader.publicationId) : null;
    if (!reader || !pub) return notFound();
    const lang = new URL(request.url).searchParams.get("lang") === "en" ? "en" : "ko";
    // The feed carries the pieces of the publication it was issued in, wherever it is fetched.
    const entries = await getTierFeedEntries(pub.id, reader.access.tier.slug);
    const xml = buildPrivateFeed({ base: originOf(pub), siteName: publicationName(pub, lang), token, lang, entries });
    const res = conditionalTextResponse(request, xml, { contentType: RSS_CONTENT_TYPE, cacheControl: CACHE_CONTROL });
    for (const [k, v] of Object.entries(PRIVATE_HEADERS)) res.headers.set(k, v);
    return res;
  } catch (err) {
    // The kind only: the message could carry the URL, which is a credential.
    console.error("[feed] private feed failed:", err instanceof Error ? err.name : typeof err);
    return new Response("Feed unavailable", { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
}
