import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import "@/app/globals.css";
import { SiteFooter } from "@/app/_components/site-footer";
import { SiteHeader } from "@/app/_components/site-header";
import { getSections } from "@/lib/articles/reader";
import { isUiLang } from "@/lib/i18n";
import { publicationName, publicationTagline } from "@/lib/publications/model";
import { pageContext, type PageParams } from "./lang";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#fbfaf7" };

export async function generateMetadata({ params }: { params: Promise<PageParams> }): Promise<Metadata> {
  const { pub, lang, base } = await pageContext(params);
  const name = publicationName(pub, lang);
  return {
    metadataBase: new URL(base),
    title: { default: `${name} — ${publicationTagline(pub, lang)}`, template: `%s | ${name}` },
    description: publicationTagline(pub, lang),
  };
}

// Root layout of a publication's reader pages (/p/<publication>/<lang>/…, reached only through the
// proxy's rewrite from the request's Host).
export default async function ReaderLayout({ children, params }: { children: React.ReactNode; params: Promise<PageParams> }) {
  if (!isUiLang((await params).lang)) notFound();
  const { pub, lang } = await pageContext(params);
  const sections = await getSections(pub.id);
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
