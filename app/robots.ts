import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/env";
import { absoluteUrl } from "@/lib/seo/urls";

// Rendered per request: SITE_URL is read at run time, not frozen into the build.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      // Share images live under /api/ but must stay fetchable: crawlers and chat apps drop a card
      // whose image robots.txt forbids. The longer Allow wins over Disallow: /api/.
      allow: ["/", "/api/og/"],
      disallow: ["/studio", "/t/", "/api/", "/account", "/en/account"],
    },
    sitemap: absoluteUrl(siteUrl(), "/sitemap.xml"),
  };
}
