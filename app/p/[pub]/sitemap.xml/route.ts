import { connection } from "next/server";
import { getPublicationView, originOf } from "@/lib/publications/current";
import { buildSitemap } from "@/lib/seo/sitemap";
import { getSitemapSource } from "@/lib/seo/sitemap-data";
import { SITEMAP_CONTENT_TYPE, sitemapXml } from "@/lib/seo/sitemap-xml";

// GET /sitemap.xml of the publication at the request's host (the proxy rewrites it here): its
// pieces and listing pages, on its own canonical host. Built per request from cached data.
export async function GET(_request: Request, { params }: { params: Promise<{ pub: string }> }) {
  // Per request: the build has no database, and the publication comes from the host at run time.
  await connection();
  const pub = await getPublicationView((await params).pub);
  if (!pub) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const xml = sitemapXml(buildSitemap(await getSitemapSource(pub.id), originOf(pub)));
  return new Response(xml, { headers: { "Content-Type": SITEMAP_CONTENT_TYPE, "Cache-Control": "public, max-age=0, must-revalidate" } });
}
