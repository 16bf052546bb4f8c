import { ArticleCard, ArticleList } from "@/app/_components/article-card";
import { getLatestCards, getSections, getTiers } from "@/lib/articles/reader";
import { dict, localePath } from "@/lib/i18n";
import Link from "next/link";
import type { Metadata } from "next";
import { publicationName, publicationTagline } from "@/lib/publications/model";
import { buildOrganization, buildWebSite, serializeJsonLd } from "@/lib/seo/json-ld";
import { listingMetadata } from "@/lib/seo/metadata";
import { siteIdentity } from "@/lib/seo/site";
import { pageContext, type PageParams } from "./lang";

export const revalidate = 60;
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: { params: Promise<PageParams> }): Promise<Metadata> {
  const { pub, lang, base } = await pageContext(params);
  const tagline = publicationTagline(pub, lang);
  return listingMetadata({
    base,
    siteName: publicationName(pub, lang),
    lang,
    path: "/",
    title: `${publicationName(pub, lang)} — ${tagline}`,
    absoluteTitle: true,
    description: tagline,
  });
}

export default async function HomePage({ params }: { params: Promise<PageParams> }) {
  const { pub, lang, base } = await pageContext(params);
  const t = dict(lang);
  const [latest, sections, tiers] = await Promise.all([getLatestCards(pub.id, {}, 40), getSections(pub.id), getTiers(pub.id)]);
  if (latest.length === 0) return <p className="py-16 text-center text-muted">{t.home.empty}</p>;
  const [lead, ...rest] = latest;
  const site = siteIdentity(pub, base, lang);
  return (
    <div className="flex flex-col gap-12">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd([buildOrganization(site), buildWebSite(site, lang)]) }} />
      <h1 className="sr-only">{`${publicationName(pub, lang)} — ${publicationTagline(pub, lang)}`}</h1>
      <section aria-labelledby="lead-heading">
        <h2 id="lead-heading" className="sr-only">
          {t.home.lead}
        </h2>
        <ArticleCard article={lead} lang={lang} timeZone={pub.timeZone} tiers={tiers} variant="lead" headingLevel={3} priority />
      </section>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading" className="mb-4 border-b-2 border-ink pb-1 text-lg font-bold">
          {t.home.latest}
        </h2>
        <ArticleList articles={rest.slice(0, 6)} lang={lang} timeZone={pub.timeZone} tiers={tiers} />
      </section>
      <section
        aria-labelledby="subscribe-heading"
        className="flex flex-col items-start gap-3 rounded border-2 border-ink bg-white p-6 sm:flex-row sm:items-center sm:justify-between"
        data-testid="home-subscribe"
      >
        <div className="flex flex-col gap-1">
          <h2 id="subscribe-heading" className="headline text-xl font-bold">
            {t.home.subscribeTitle}
          </h2>
          <p className="text-muted">{t.home.subscribeBody}</p>
        </div>
        <Link href={localePath(lang, "/pricing")} className="shrink-0 rounded bg-accent px-5 py-2 font-semibold text-white hover:bg-accent-dark">
          {t.home.subscribeCta}
        </Link>
      </section>
      {sections.map((s) => {
        const items = latest.filter((a) => a.section?.slug === s.slug).slice(0, 4);
        if (items.length === 0) return null;
        const name = lang === "en" ? s.nameEn : s.name;
        return (
          <section key={s.slug} aria-labelledby={`rail-${s.slug}`}>
            <div className="mb-4 flex items-baseline justify-between border-b border-rule pb-1">
              <h2 id={`rail-${s.slug}`} className="text-lg font-bold">
                {name}
              </h2>
              <Link href={localePath(lang, `/sections/${s.slug}`)} className="text-sm text-accent-dark underline underline-offset-2">
                {t.home.more}
                <span className="sr-only"> — {name}</span>
              </Link>
            </div>
            <ArticleList
              articles={items}
              lang={lang}
              timeZone={pub.timeZone}
              tiers={tiers}
              variant="compact"
              className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4"
            />
          </section>
        );
      })}
    </div>
  );
}
