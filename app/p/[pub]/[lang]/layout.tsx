import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import "../globals.css";
import { SiteFooter } from "../_components/site-footer";
import { SiteHeader } from "../_components/site-header";
import { getSections } from "@/lib/articles/reader";
import { dict, isUiLang } from "@/lib/i18n";
import { siteUrl } from "@/lib/env";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#fbfaf7" };

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  const t = dict(isUiLang(lang) ? lang : "ko");
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: `${t.siteName} — ${t.tagline}`, template: `%s | ${t.siteName}` },
    description: t.tagline,
  };
}

export default async function ReaderLayout({ children, params }: { children: React.ReactNode; params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  if (!isUiLang(lang)) notFound();
  const sections = await getSections();
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
