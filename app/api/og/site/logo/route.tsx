import { ImageResponse } from "next/og";
import { dict } from "@/lib/i18n";
import { loadOgFonts } from "@/lib/seo/og/fonts";
import { LogoCard } from "@/lib/seo/og/share-card";

// GET /api/og/site/logo: the publisher logo named in Organization/NewsArticle structured data.
export async function GET() {
  const fonts = await loadOgFonts();
  return new ImageResponse(<LogoCard siteName={dict("en").siteName} />, {
    width: 512,
    height: 512,
    fonts,
    headers: { "Cache-Control": "public, max-age=86400" },
  });
}
