import type { Viewport } from "next";
import "../../../../globals.css";
import { SiteFooter } from "../../../../_components/site-footer";
import { SiteHeader } from "../../../../_components/site-header";
import { getSections, getTierArticle } from "@/lib/articles/reader";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#fbfaf7" };

// Root layout of the per-tier article render: its UI language follows the piece's language.
// It reads no cookies or session, so the render is shared by every reader of the tier.
export default async function ArticleLayout({ children, params }: { children: React.ReactNode; params: Promise<{ tier: string; slug: string }> }) {
  const { tier, slug } = await params;
  const [data, sections] = await Promise.all([getTierArticle(tier, slug), getSections()]);
  const lang = data?.article.locale ?? "ko";
  return (
    <html lang={lang}>
      <body className="flex min-h-screen flex-col">
        <SiteHeader lang={lang} sections={sections} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter lang={lang} />
      </body>
    </html>
  );
}
