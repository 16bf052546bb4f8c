import { readingMinutes } from "./reading-time";
import type { ArticleRow } from "@/db/queries/articles";
import type { Author, Section, Tier } from "@/db/schema";

// JSON-safe shapes handed to pages (Next's data cache serialises values, so instants are ISO strings).
export type SectionView = {
  slug: string;
  name: string;
  nameEn: string;
  seriesLabel: string | null;
  description: string;
  descriptionEn: string;
  inNav?: boolean;
};
export type AuthorView = { slug: string; name: string; position: string; bio: string; avatarUrl: string | null; joinedAt: string };
export type TierView = { slug: string; name: string; nameEn: string; rank: number; canComment: boolean };

export type ArticleCardView = {
  slug: string;
  title: string;
  dek: string[];
  locale: "ko" | "en";
  heroImage: string | null;
  heroAlt: string;
  publishAt: string;
  updatedAt: string;
  access: string;
  unlockAt: string | null;
  section: SectionView | null;
  authors: AuthorView[];
  // Of the whole piece, whatever the reader's tier: a number says nothing of the gated text.
  readingMinutes: number;
};

export type ArticleView = ArticleCardView & {
  heroCaption: string;
  heroCredit: string;
  tags: { slug: string; name: string }[];
  seoTitle: string | null;
  seoDescription: string | null;
};

export function toSectionView(s: Section): SectionView {
  return {
    slug: s.slug,
    name: s.name,
    nameEn: s.nameEn,
    seriesLabel: s.seriesLabel,
    description: s.description,
    descriptionEn: s.descriptionEn,
    inNav: s.inNav,
  };
}

export function toAuthorView(a: Author): AuthorView {
  return { slug: a.slug, name: a.name, position: a.position, bio: a.bio, avatarUrl: a.avatarUrl, joinedAt: a.joinedAt.toISOString() };
}

export function toTierView(t: Tier): TierView {
  return { slug: t.slug, name: t.name, nameEn: t.nameEn, rank: t.rank, canComment: t.canComment };
}

export function toCardView(a: ArticleRow): ArticleCardView {
  return {
    slug: a.slug,
    title: a.title,
    dek: a.dek,
    locale: a.locale,
    heroImage: a.heroImage,
    heroAlt: a.heroAlt,
    publishAt: (a.publishAt ?? a.createdAt).toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    access: a.access,
    readingMinutes: readingMinutes(a.fullText),
    unlockAt: a.unlockAt?.toISOString() ?? null,
    section: a.section ? toSectionView(a.section) : null,
    authors: a.authors.map(toAuthorView),
  };
}

export function toArticleView(a: ArticleRow): ArticleView {
  return {
    ...toCardView(a),
    heroCaption: a.heroCaption,
    heroCredit: a.heroCredit,
    tags: a.tags.map((t) => ({ slug: t.slug, name: t.name })),
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
  };
}
