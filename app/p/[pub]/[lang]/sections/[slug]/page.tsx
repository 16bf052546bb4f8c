import { ArticleList } from "@/app/_components/article-card";
import { getSectionPage } from "@/lib/articles/reader";
import { publicationTagline } from "@/lib/publications/model";
import { sectionFeedPath } from "@/lib/seo/urls";
import { loadSlugListing, slugListingMetadata, type SlugPageProps } from "../../_lib/slug-listing";

export const revalidate = 60;
export const generateStaticParams = () => [];

export const generateMetadata = slugListingMetadata(getSectionPage, ({ section }, { pub, lang, siteName }) => {
  const title = lang === "en" ? section.nameEn : section.name;
  return {
    path: `/sections/${section.slug}`,
    title,
    description: (lang === "en" ? section.descriptionEn : section.description) || publicationTagline(pub, lang),
    feed: { path: sectionFeedPath(lang, section.slug), title: `${title} — ${siteName}` },
  };
});

export default async function SectionPage({ params }: SlugPageProps) {
  const { pub, lang, data, tiers, t } = await loadSlugListing(params, getSectionPage);
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
