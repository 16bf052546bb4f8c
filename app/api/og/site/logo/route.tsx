import { ImageResponse } from "next/og";
import { dict } from "@/lib/i18n";
import { publicationName } from "@/lib/publications/model";
import { publicationOfRequest } from "@/lib/publications/table";
import { loadOgFonts } from "@/lib/seo/og/fonts";
import { LogoCard } from "@/lib/seo/og/share-card";

// GET /api/og/site/logo: the publisher logo named in Organization/NewsArticle structured data, for
// the publication at the request's host (when it has no logo of its own).
export async function GET(request: Request) {
  const fonts = await loadOgFonts();
  const pub = publicationOfRequest(request);
  return new ImageResponse(<LogoCard siteName={pub ? publicationName(pub, "en") : dict("en").siteName} />, {
    width: 512,
    height: 512,
    fonts,
    headers: { "Cache-Control": "public, max-age=86400" },
  });
}
