// What a piece's share image shows. Pure.
import type { ArticleCardView, TierView } from "@/lib/articles/view-models";
import { dict } from "@/lib/i18n";
import type { ShareCardProps } from "./share-card";

export function toShareCardProps(article: ArticleCardView, tiers: readonly TierView[], siteName: string): ShareCardProps {
  const lang = article.locale;
  const t = dict(lang);
  const section = article.section ? (lang === "en" ? article.section.nameEn : article.section.name) : null;
  const tier = tiers.find((x) => x.slug === article.access);
  const badge =
    article.access === "public"
      ? null
      : article.access === "free"
        ? t.access.free
        : t.access.tier(tier ? (lang === "en" ? tier.nameEn : tier.name) : article.access);
  return {
    siteName,
    kicker: section,
    title: article.title,
    byline: article.authors.map((a) => a.name).join(lang === "en" ? ", " : " · "),
    badge,
    lang,
  };
}
