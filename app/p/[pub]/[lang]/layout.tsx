import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReaderShell, readerViewport } from "@/app/_components/reader-shell";
import { getSections } from "@/lib/articles/reader";
import { isUiLang } from "@/lib/i18n";
import { publicationName, publicationTagline } from "@/lib/publications/model";
import { pageContext, type PageParams } from "./lang";

export const viewport = readerViewport;

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
    <ReaderShell lang={lang} publication={pub} sections={sections}>
      {children}
    </ReaderShell>
  );
}
