import type { Viewport } from "next";
import "@/app/globals.css";
import { SiteFooter } from "@/app/_components/site-footer";
import { SiteHeader } from "@/app/_components/site-header";
import type { SectionView } from "@/lib/articles/view-models";
import type { UiLang } from "@/lib/i18n";
import type { PublicationRef } from "@/lib/publications/model";

export const readerViewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#fbfaf7" };

// The document both reader root layouts render (the publication's pages under /p and the per-tier
// article render under /t): they differ only in how they find the language and the publication.
export function ReaderShell({
  lang,
  publication,
  sections,
  children,
}: {
  lang: UiLang;
  publication: PublicationRef;
  sections: SectionView[];
  children: React.ReactNode;
}) {
  return (
    <html lang={lang} className="reader">
      <body className="flex min-h-screen flex-col">
        <SiteHeader lang={lang} sections={sections} publication={publication} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter lang={lang} publication={publication} />
      </body>
    </html>
  );
}
