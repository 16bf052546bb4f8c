import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleList } from "../../../_components/article-card";
import { getTagPage, getTiers } from "@/lib/articles/reader";
import { dict } from "@/lib/i18n";
import { pageLang } from "../../lang";
import { siteUrl } from "@/lib/env";
import { listingMetadata, tagDescription } from "@/lib/seo/metadata";

export const revalidate = 60;
export const generateStaticParams = () => [];

type Props = { params: Promise<{ lang: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const lang = await pageLang(params);
  const data = await getTagPage(slug);
  if (!data) return {};
  return listingMetadata({ base: siteUrl(), lang, path: `/tags/${data.tag.slug}`, title: `#${data.tag.name}`, description: tagDescription(lang, data.tag.name) });
}

export default async function TagPage({ params }: Props) {
  const lang = await pageLang(params);
  const { slug } = await params;
  const [data, tiers] = await Promise.all([getTagPage(slug), getTiers()]);
  if (!data) notFound();
  const t = dict(lang);
  return (
    <div className="flex flex-col gap-8">
      <header className="border-b-2 border-ink pb-4">
        <h1 className="headline text-3xl font-bold">{t.tag.heading(data.tag.name)}</h1>
      </header>
      <ArticleList articles={data.articles} lang={lang} tiers={tiers} empty={t.tag.empty} />
    </div>
  );
}
