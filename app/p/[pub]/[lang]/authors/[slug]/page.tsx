import type { Metadata } from "next";
import Image from "next/image";
import { notFound } from "next/navigation";
import { ArticleList } from "@/app/_components/article-card";
import { getAuthorPage, getTiers } from "@/lib/articles/reader";
import { dict, formatDate } from "@/lib/i18n";
import { pageContext, type PageParams } from "../../lang";
import { excerpt } from "@/lib/articles/plain-text";
import { buildProfilePage, serializeJsonLd } from "@/lib/seo/json-ld";
import { listingMetadata } from "@/lib/seo/metadata";
import { publicationName } from "@/lib/publications/model";

export const revalidate = 60;
export const generateStaticParams = () => [];

type Props = { params: Promise<PageParams & { slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const { pub, lang, base } = await pageContext(params);
  const data = await getAuthorPage(pub.id, slug);
  if (!data) return {};
  const { author } = data;
  const description = excerpt(author.bio, 160) || `${author.name} — ${author.position}`;
  return listingMetadata({
    base,
    siteName: publicationName(pub, lang),
    lang,
    path: `/authors/${author.slug}`,
    title: author.name,
    description,
    type: "profile",
  });
}

export default async function AuthorPage({ params }: Props) {
  const { pub, lang, base } = await pageContext(params);
  const { slug } = await params;
  const [data, tiers] = await Promise.all([getAuthorPage(pub.id, slug), getTiers(pub.id)]);
  if (!data) notFound();
  const t = dict(lang);
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
