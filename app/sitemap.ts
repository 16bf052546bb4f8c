import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/env";
import { buildSitemap } from "@/lib/seo/sitemap";
import { getSitemapSource } from "@/lib/seo/sitemap-data";

// Rendered per request from cached data: the build has no database to read, and SITE_URL is read
// at run time.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return buildSitemap(await getSitemapSource(), siteUrl());
}
