import Image from "next/image";
import Link from "next/link";
import { AccessBadge } from "@/app/_components/access-badge";
import { Bylines } from "@/app/_components/bylines";
import { dict, formatDate, localePath } from "@/lib/i18n";
import type { ArticleView, TierView } from "@/lib/articles/view-models";

export function ArticleHeader({ article, tiers, timeZone }: { article: ArticleView; tiers: TierView[]; timeZone: string }) {
  const lang = article.locale;
  const t = dict(lang);
  const section = article.section;
  const updated = article.updatedAt.slice(0, 10) !== article.publishAt.slice(0, 10) && article.updatedAt > article.publishAt;
  return (
    <header className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2 text-sm font-semibold text-accent">
        {section ? (
          <Link href={localePath(lang, `/sections/${section.slug}`)} className="hover:underline">
            {section.seriesLabel ?? (lang === "en" ? section.nameEn : section.name)}
          </Link>
        ) : null}
        <AccessBadge access={article.access} tiers={tiers} lang={lang} />
      </div>
      <h1 className="headline text-3xl font-bold leading-tight sm:text-4xl">{article.title}</h1>
      {article.dek.length ? (
        <ul className="flex flex-col gap-1 border-l-4 border-accent pl-4 text-lg text-muted">
          {article.dek.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <p className="text-sm text-muted">
        <span className="font-semibold text-ink">
          <Bylines authors={article.authors} lang={lang} />
        </span>
        {" · "}
        {t.article.published} <time dateTime={article.publishAt}>{formatDate(article.publishAt, lang, timeZone)}</time>
        {updated ? (
          <>
            {" · "}
            {t.article.updated} <time dateTime={article.updatedAt}>{formatDate(article.updatedAt, lang, timeZone)}</time>
          </>
        ) : null}
        {article.readingMinutes > 0 ? (
          <>
            {" · "}
            <span data-testid="reading-time">{t.reading.minutes(article.readingMinutes)}</span>
          </>
        ) : null}
      </p>
      {article.heroImage ? (
        <figure className="flex flex-col gap-2">
          <Image
            src={article.heroImage}
            alt={article.heroAlt}
            width={1600}
            height={900}
            priority
            fetchPriority="high"
            sizes="(min-width: 768px) 768px, 100vw"
            className="aspect-[16/9] w-full rounded-sm object-cover"
          />
          {article.heroCaption || article.heroCredit ? (
            <figcaption className="text-sm text-muted">
              {article.heroCaption} {article.heroCredit ? <span className="text-xs">({article.heroCredit})</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
    </header>
  );
}
