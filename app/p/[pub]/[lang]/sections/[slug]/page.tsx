import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleList } from "../../../_components/article-card";
import { getSectionPage, getTiers } from "@/lib/articles/reader";
import { dict, isUiLang } from "@/lib/i18n";
import { pageLang } from "../../lang";
import { siteUrl } from "@/lib/env";
import { listingMetadata } from "@/lib/seo/metadata";
import { sectionFeedPath } from "@/lib/seo/urls";

export const revalidate = 60;
export const generateStaticParams = () => [];

type Props = { params: Promise<{ lang: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, slug } = await params;
  const data = await getSectionPage(slug);
  if (!data) return {};
  const ui = isUiLang(lang) ? lang : "ko";
  const title = ui === "en" ? data.section.nameEn : data.section.name;
  return listingMetadata({
    base: siteUrl(),
    lang: ui,
    path: `/sections/${data.section.slug}`,
    title,
    description: (ui === "en" ? data.section.descriptionEn : data.section.description) || dict(ui).tagline,
    feed: { path: sectionFeedPath(ui, data.section.slug), title: `${title} — ${dict(ui).siteName}` },
  });
}

export default async function SectionPage({ params }: Props) {
  const lang = await pageLang(params);
  const { slug } = await params;
  const [data, tiers] = await Promise.all([getSectionPage(slug), getTiers()]);
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
      <ArticleList articles={data.articles} lang={lang} tiers={tiers} empty={t.section.empty} />
    </div>
  );
}
