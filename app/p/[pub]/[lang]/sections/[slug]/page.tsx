import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleList } from "@/app/_components/article-card";
import { getSectionPage, getTiers } from "@/lib/articles/reader";
import { dict } from "@/lib/i18n";
import { publicationName, publicationTagline } from "@/lib/publications/model";
import { pageContext, type PageParams } from "../../lang";
import { listingMetadata } from "@/lib/seo/metadata";
import { sectionFeedPath } from "@/lib/seo/urls";

export const revalidate = 60;
export const generateStaticParams = () => [];

type Props = { params: Promise<PageParams & { slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const { pub, lang, base } = await pageContext(params);
  const data = await getSectionPage(pub.id, slug);
  if (!data) return {};
  const title = lang === "en" ? data.section.nameEn : data.section.name;
  return listingMetadata({
    base,
    siteName: publicationName(pub, lang),
    lang,
    path: `/sections/${data.section.slug}`,
    title,
    description: (lang === "en" ? data.section.descriptionEn : data.section.description) || publicationTagline(pub, lang),
    feed: { path: sectionFeedPath(lang, data.section.slug), title: `${title} — ${publicationName(pub, lang)}` },
  });
}

export default async function SectionPage({ params }: Props) {
  const { pub, lang } = await pageContext(params);
  const { slug } = await params;
  const [data, tiers] = await Promise.all([getSectionPage(pub.id, slug), getTiers(pub.id)]);
  if (!data) notFound();
  const t = dict(lang);
  const { section } = data;
  return (
    <div className="flex flex-col gap-8">
      <header className="border-b-2 border-ink pb-4">
        {section.seriesLabel ? <p className="text-sm font-semibold text-accent">{t.section.series}</p> : null}
        <h1 className="headline text-3xl font-bold">{lang === "en" ? section.nameEn : section.name}</h1>
        <p className="mt-2 max-w-2xl text-muted">{lang === "en" ? section.descriptionEn : section.description}</p>
      </header>
      <ArticleList articles={data.articles} lang={lang} timeZone={pub.timeZone} tiers={tiers} empty={t.section.empty} />
    </div>
  );
}
