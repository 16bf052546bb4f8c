import { ImageResponse } from "next/og";
import { getTierArticle, getTiers } from "@/lib/articles/reader";
import { ANON_TIER } from "@/lib/access";
import { loadOgFonts } from "@/lib/seo/og/fonts";
import { ShareCard } from "@/lib/seo/og/share-card";
import { toShareCardProps } from "@/lib/seo/og/share-card-props";
import { SHARE_IMAGE_SIZE } from "@/lib/seo/urls";
import { publicationName } from "@/lib/publications/model";
import { publicationOfRequest } from "@/lib/publications/table";

// GET /api/og/{slug}: the 1200×630 share image of a piece (Open Graph, Twitter, JSON-LD image).
// It draws from the anonymous render's data — the same cached read the public page uses — and
// shows no body text, so it cannot leak what the piece gates.

const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/;

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

// The piece is one of the publication at the request's host (its pages link the image there).
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!SLUG.test(slug)) return notFound();
  const pub = publicationOfRequest(request);
  if (!pub) return new Response("Service unavailable", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  try {
    const [data, tiers, fonts] = await Promise.all([getTierArticle(pub.id, ANON_TIER.slug, slug), getTiers(pub.id), loadOgFonts()]);
    if (!data) return notFound();
    return new ImageResponse(<ShareCard {...toShareCardProps(data.article, tiers, publicationName(pub, data.article.locale))} />, {
      ...SHARE_IMAGE_SIZE,
      fonts,
      // Titles change rarely; crawlers and chat apps fetch each image a handful of times.
      headers: { "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400" },
    });
  } catch (err) {
    console.error("[og] share image failed", slug, err);
    return new Response("Share image unavailable", { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
