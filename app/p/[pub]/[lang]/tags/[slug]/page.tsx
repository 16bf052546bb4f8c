import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleList } from "@/app/_components/article-card";
import { getTagPage, getTiers } from "@/lib/articles/reader";
import { dict } from "@/lib/i18n";
import { pageContext, type PageParams } from "../../lang";
import { listingMetadata, tagDescription } from "@/lib/seo/metadata";
import { publicationName } from "@/lib/publications/model";

export const revalidate = 60;
export const generateStaticParams = () => [];

type Props = { params: Promise<PageParams & { slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const { pub, lang, base } = await pageContext(params);
  const data = await getTagPage(pub.id, slug);
  if (!data) return {};
  return listingMetadata({
    base,
    siteName: publicationName(pub, lang),
    lang,
    path: `/tags/${data.tag.slug}`,
    title: `#${data.tag.name}`,
    description: tagDescription(lang, data.tag.name, publicationName(pub, lang)),
  });
}

export default async function TagPage({ params }: Props) {
  const { pub, lang } = await pageContext(params);
  const { slug } = await params;
  const [data, tiers] = await Promise.all([getTagPage(pub.id, slug), getTiers(pub.id)]);
  if (!data) notFound();
  const t = dict(lang);
  return (
    <div className="flex flex-col gap-8">
      <header className="border-b-2 border-ink pb-4">
        <h1 className="headline text-3xl font-bold">{t.tag.heading(data.tag.name)}</h1>
      </header>
      <ArticleList articles={data.articles} lang={lang} timeZone={pub.timeZone} tiers={tiers} empty={t.tag.empty} />
    </div>
  );
}
