import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { AccessBadge } from "@/app/_components/access-badge";
import { SearchLimited } from "./_components/search-limited";
import { getTiers } from "@/lib/articles/reader";
import { searchForTier } from "@/lib/articles/search";
import { parseSearchQuery } from "@/lib/articles/search-query";
import { getViewer } from "@/lib/auth/viewer";
import { searchVerdict } from "@/lib/search/limit";
import { dict, formatDate, localePath } from "@/lib/i18n";
import { pageContext, pageLang, type PageParams } from "../lang";

type Props = { params: Promise<PageParams>; searchParams: Promise<{ q?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = dict(await pageLang(params));
  return { title: t.search.title, robots: { index: false, follow: true } };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { pub, lang } = await pageContext(params);
  const t = dict(lang);
  const query = parseSearchQuery((await searchParams).q);
  // The tier in this publication comes from the server-side session, re-checked here (not taken
  // from the proxy).
  const viewer = await getViewer(pub.id);
  const limit = query.terms.length > 0 ? await searchVerdict(await headers()) : null;
  const searched = limit?.ok ? query : { ...query, terms: [] };
  const [hits, tiers] = await Promise.all([searchForTier(pub.id, searched, viewer.access.tier), getTiers(pub.id)]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="headline text-3xl font-bold">{t.search.title}</h1>
      <form role="search" action={localePath(lang, "/search")} method="get" className="flex max-w-2xl gap-2">
        <label htmlFor="q" className="sr-only">
          {t.search.label}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={query.text}
          placeholder={t.search.placeholder}
          maxLength={200}
          className="min-w-0 flex-1 rounded border border-muted bg-white px-3 py-2 text-base"
        />
        <button type="submit" className="rounded bg-ink px-4 py-2 font-semibold text-white hover:bg-black">
          {t.search.submit}
        </button>
      </form>
      {query.truncated ? <p className="text-sm text-muted">{t.search.tooLong}</p> : null}
      {limit && !limit.ok ? (
        <SearchLimited lang={lang} retryAfterSeconds={limit.retryAfterSeconds} />
      ) : query.terms.length === 0 ? (
        <p className="text-muted">{t.search.prompt}</p>
      ) : hits.length === 0 ? (
        <p className="text-muted">{t.search.none(query.text)}</p>
      ) : (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="mb-4 text-lg font-bold" aria-live="polite">
            {t.search.results(hits.length, query.text)}
          </h2>
          <ol className="flex flex-col divide-y divide-rule">
            {hits.map(({ card, snippet }) => (
              <li key={card.slug} className="py-4" lang={card.locale}>
                <div className="mb-1 flex items-center gap-2 text-xs text-muted">
                  <AccessBadge access={card.access} tiers={tiers} lang={lang} />
                  <time dateTime={card.publishAt}>{formatDate(card.publishAt, lang, pub.timeZone)}</time>
                </div>
                <h3 className="headline text-xl font-bold">
                  <Link href={`/articles/${card.slug}`} className="hover:underline">
                    {card.title}
                  </Link>
                </h3>
                <p className="mt-1 text-muted">{snippet}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
