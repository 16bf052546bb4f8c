import Image from "next/image";
import Link from "next/link";
import { dict, formatDate, type UiLang } from "@/lib/i18n";
import type { ArticleCardView, TierView } from "@/lib/articles/view-models";
import { AccessBadge } from "./access-badge";
import { Bylines } from "./bylines";

type Variant = "lead" | "standard" | "compact";

export function ArticleCard({
  article,
  lang,
  timeZone,
  tiers,
  variant = "standard",
  headingLevel = 3,
  priority = false,
}: {
  article: ArticleCardView;
  lang: UiLang;
  timeZone: string;
  tiers: TierView[];
  variant?: Variant;
  headingLevel?: 2 | 3;
  priority?: boolean;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const href = `/articles/${article.slug}`;
  const sectionName = article.section ? (lang === "en" ? article.section.nameEn : article.section.name) : null;
  const titleSize = variant === "lead" ? "text-3xl sm:text-4xl" : variant === "compact" ? "text-base" : "text-xl";
  return (
    <article className={variant === "lead" ? "grid gap-5 md:grid-cols-5" : "flex flex-col gap-2"} lang={article.locale}>
      {variant !== "compact" && article.heroImage ? (
        <Link href={href} className={variant === "lead" ? "md:col-span-3" : ""} tabIndex={-1} aria-hidden="true">
          <Image
            src={article.heroImage}
            alt=""
            width={1600}
            height={900}
            priority={priority}
            fetchPriority={priority ? "high" : undefined}
            sizes={variant === "lead" ? "(min-width: 768px) 640px, 100vw" : "(min-width: 768px) 360px, 100vw"}
            className="aspect-[16/9] w-full rounded-sm object-cover"
          />
        </Link>
      ) : null}
      <div className={variant === "lead" ? "flex flex-col gap-3 md:col-span-2" : "flex flex-col gap-1.5"}>
        <div className="flex flex-wrap items-center gap-2 text-xs font-semibold uppercase tracking-wide text-accent">
          {sectionName ? <span>{article.section?.seriesLabel ?? sectionName}</span> : null}
          <AccessBadge access={article.access} tiers={tiers} lang={lang} />
        </div>
        <Heading className={`headline font-bold leading-snug ${titleSize}`}>
          <Link href={href} className="text-ink hover:underline">
            {article.title}
          </Link>
        </Heading>
        {variant !== "compact" && article.dek[0] ? <p className="text-muted">{article.dek[0]}</p> : null}
        <p className="text-sm text-muted">
          <Bylines authors={article.authors} lang={lang} />
          {article.authors.length ? " · " : ""}
          <time dateTime={article.publishAt}>{formatDate(article.publishAt, lang, timeZone)}</time>
          {/* Cards cached before reading times existed have none. */}
          {article.readingMinutes > 0 ? <span data-testid="card-reading-time"> · {dict(lang).reading.minutes(article.readingMinutes)}</span> : null}
        </p>
      </div>
    </article>
  );
}

// Cards in a grid: a listing page's pieces, or (compact, with its own columns) a home-page rail
// and an article's related pieces. `empty` is said when there are none.
export function ArticleList({
  articles,
  lang,
  timeZone,
  tiers,
  empty,
  variant,
  className = "grid gap-8 sm:grid-cols-2 lg:grid-cols-3",
}: {
  articles: ArticleCardView[];
  lang: UiLang;
  timeZone: string;
  tiers: TierView[];
  empty?: string;
  variant?: Variant;
  className?: string;
}) {
  if (articles.length === 0 && empty) return <p className="py-8 text-muted">{empty}</p>;
  return (
    <ul className={className}>
      {articles.map((a) => (
        <li key={a.slug}>
          <ArticleCard article={a} lang={lang} timeZone={timeZone} tiers={tiers} variant={variant} />
        </li>
      ))}
    </ul>
  );
}
