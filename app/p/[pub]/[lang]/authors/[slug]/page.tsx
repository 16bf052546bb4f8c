import Image from "next/image";
import { ArticleList } from "@/app/_components/article-card";
import { getAuthorPage } from "@/lib/articles/reader";
import { formatDate } from "@/lib/i18n";
import { excerpt } from "@/lib/articles/plain-text";
import { buildProfilePage, serializeJsonLd } from "@/lib/seo/json-ld";
import { loadSlugListing, slugListingMetadata, type SlugPageProps } from "../../_lib/slug-listing";

export const revalidate = 60;
export const generateStaticParams = () => [];

export const generateMetadata = slugListingMetadata(getAuthorPage, ({ author }) => ({
  path: `/authors/${author.slug}`,
  title: author.name,
  description: excerpt(author.bio, 160) || `${author.name} — ${author.position}`,
  type: "profile",
}));

export default async function AuthorPage({ params }: SlugPageProps) {
  const { pub, lang, base, data, tiers, t } = await loadSlugListing(params, getAuthorPage);
  const { author } = data;
  return (
    <div className="flex flex-col gap-8">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(buildProfilePage(author, base, lang)) }} />
      <header className="flex flex-col gap-4 border-b-2 border-ink pb-6 sm:flex-row sm:items-center">
        {author.avatarUrl ? <Image src={author.avatarUrl} alt="" width={96} height={96} className="h-24 w-24 rounded-full object-cover" /> : null}
        <div>
          <h1 className="headline text-3xl font-bold">{author.name}</h1>
          <p className="font-semibold text-muted">{author.position}</p>
          <p className="mt-2 max-w-2xl">{author.bio}</p>
          <p className="mt-1 text-sm text-muted">{t.article.memberSince(formatDate(author.joinedAt, lang, pub.timeZone))}</p>
        </div>
      </header>
      <section aria-labelledby="author-pieces">
        <h2 id="author-pieces" className="mb-4 text-lg font-bold">
          {t.author.pieces}
        </h2>
        <ArticleList articles={data.articles} lang={lang} timeZone={pub.timeZone} tiers={tiers} empty={t.author.empty} />
      </section>
    </div>
  );
}
