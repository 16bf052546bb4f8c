import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleList } from "@/app/_components/article-card";
import { getRelatedCards, getTierArticle, getTiers } from "@/lib/articles/reader";
import { dict, formatDate } from "@/lib/i18n";
import { originOf, requirePagePublication } from "@/lib/publications/current";
import { articlePageJsonLd, articlePageMetadata } from "@/lib/seo/article-page";
import { serializeJsonLd } from "@/lib/seo/json-ld";
import { absoluteUrl } from "@/lib/seo/urls";
import { ArticleHeader } from "./_components/article-header";
import { AuthorBox } from "./_components/author-box";
import { Comments } from "./_components/comments";
import { Paywall } from "./_components/paywall";
import { ShareButtons } from "./_components/share-buttons";
import { TagList } from "./_components/tag-list";

// One cached render per (tier, piece): ISR, regenerated on demand and by tag on edits.
// Edits revalidate by tag and the publish clock (lib/studio/publish-clock.ts) at each scheduled
// publish or unlock instant; the hour is only a backstop, so steady state sends no queries.
export const revalidate = 3600;
export const generateStaticParams = () => [];

type Props = { params: Promise<{ pub: string; tier: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { pub: pubSlug, tier, slug } = await params;
  const pub = await requirePagePublication(pubSlug);
  const data = await getTierArticle(pub.id, tier, slug);
  if (!data) return {};
  // Built from the dek and the teaser only, never from the gated part (lib/seo/article-page).
  return articlePageMetadata(data, pub, originOf(pub));
}

export default async function ArticlePage({ params }: Props) {
  const { pub: pubSlug, tier, slug } = await params;
  const pub = await requirePagePublication(pubSlug);
  const [data, tiers] = await Promise.all([getTierArticle(pub.id, tier, slug), getTiers(pub.id)]);
  if (!data) notFound();
  const related = await getRelatedCards(data.relatedTo);
  const { article } = data;
  const lang = article.locale;
  const t = dict(lang);
  const unlockPending = article.unlockAt && !data.readable;
  const jsonLd = articlePageJsonLd(data, tiers, pub, originOf(pub), new Date());
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-8">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <ArticleHeader article={article} tiers={tiers} timeZone={pub.timeZone} />
      <ShareButtons url={absoluteUrl(originOf(pub), `/articles/${article.slug}`)} title={article.title} lang={lang} />
      <div className="prose-body" dangerouslySetInnerHTML={{ __html: data.teaserHtml }} />
      {data.gatedHtml ? <div className="paywalled-content prose-body" dangerouslySetInnerHTML={{ __html: data.gatedHtml }} /> : null}
      {data.hasGatedPart && !data.readable ? (
        <Paywall
          access={article.access}
          requiredTier={data.requiredTier}
          renderTier={tiers.find((x) => x.slug === data.tier) ?? { slug: data.tier, name: data.tier, nameEn: data.tier }}
          slug={article.slug}
          lang={lang}
        />
      ) : null}
      {unlockPending && article.unlockAt ? <p className="text-sm text-muted">{t.article.unlocksOn(formatDate(article.unlockAt, lang, pub.timeZone))}</p> : null}
      <TagList tags={article.tags} lang={lang} />
      <section aria-labelledby="authors-heading" className="flex flex-col gap-4 border-t border-rule pt-6">
        <h2 id="authors-heading" className="text-sm font-bold uppercase tracking-wide text-muted">
          {t.article.aboutAuthor}
        </h2>
        {article.authors.map((a) => (
          <AuthorBox key={a.slug} author={a} lang={lang} timeZone={pub.timeZone} />
        ))}
      </section>
      {related.length ? (
        <section aria-labelledby="related-heading" className="border-t border-rule pt-6">
          <h2 id="related-heading" className="mb-4 text-lg font-bold">
            {t.article.related}
          </h2>
          <ArticleList articles={related} lang={lang} timeZone={pub.timeZone} tiers={tiers} variant="compact" className="grid gap-6 sm:grid-cols-3" />
        </section>
      ) : null}
      <Comments slug={article.slug} lang={lang} />
    </article>
  );
}
