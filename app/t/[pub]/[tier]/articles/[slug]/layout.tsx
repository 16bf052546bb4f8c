import type { Viewport } from "next";
import "@/app/globals.css";
import { SiteFooter } from "@/app/_components/site-footer";
import { SiteHeader } from "@/app/_components/site-header";
import { getSections, getTierArticle } from "@/lib/articles/reader";
import { requirePagePublication } from "@/lib/publications/current";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#fbfaf7" };

type Params = { pub: string; tier: string; slug: string };

// Root layout of the per-tier article render (/t/<publication>/<tier>/articles/<slug>): its UI
// language follows the piece's language. It reads no cookies or session, so the render is shared
// by every reader of the tier in that publication.
export default async function ArticleLayout({ children, params }: { children: React.ReactNode; params: Promise<Params> }) {
  const { pub: pubSlug, tier, slug } = await params;
  const pub = await requirePagePublication(pubSlug);
  const [data, sections] = await Promise.all([getTierArticle(pub.id, tier, slug), getSections(pub.id)]);
  const lang = data?.article.locale ?? pub.locale;
  return (
    <html lang={lang} className="reader">
      <body className="flex min-h-screen flex-col">
        <SiteHeader lang={lang} sections={sections} publication={pub} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter lang={lang} publication={pub} />
      </body>
    </html>
  );
}
