import { connection } from "next/server";
import { getPublicationView, originOf } from "@/lib/publications/current";
import { robotsTxt } from "@/lib/seo/sitemap-xml";

// GET /robots.txt of the publication at the request's host, naming its own sitemap.
export async function GET(_request: Request, { params }: { params: Promise<{ pub: string }> }) {
  // Per request: the build has no database, and the publication comes from the host at run time.
  await connection();
  const pub = await getPublicationView((await params).pub);
  if (!pub) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(robotsTxt(originOf(pub)), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=0, must-revalidate" },
  });
}
