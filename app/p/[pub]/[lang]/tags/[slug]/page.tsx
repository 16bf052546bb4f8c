import { ArticleList } from "@/app/_components/article-card";
import { getTagPage } from "@/lib/articles/reader";
import { tagDescription } from "@/lib/seo/metadata";
import { loadSlugListing, slugListingMetadata, type SlugPageProps } from "../../_lib/slug-listing";

export const revalidate = 60;
export const generateStaticParams = () => [];

export const generateMetadata = slugListingMetadata(getTagPage, ({ tag }, { lang, siteName }) => ({
  path: `/tags/${tag.slug}`,
  title: `#${tag.name}`,
  description: tagDescription(lang, tag.name, siteName),
}));

export default async function TagPage({ params }: SlugPageProps) {
  const { pub, lang, data, tiers, t } = await loadSlugListing(params, getTagPage);
  return (
    <div className="flex flex-col gap-8">
      <header className="border-b-2 border-ink pb-4">
        <h1 className="headline text-3xl font-bold">{t.tag.heading(data.tag.name)}</h1>
      </header>
      <ArticleList articles={data.articles} lang={lang} timeZone={pub.timeZone} tiers={tiers} empty={t.tag.empty} />
    </div>
  );
}
