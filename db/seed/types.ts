import type { Locale } from "@/db/schema";

// Shapes of the demo content. Relative dates keep the demo fresh whenever it is seeded.
export type SeedAuthor = {
  slug: string;
  name: string;
  email?: string;
  position: string; // role line under the name, e.g. "선임기자 · 에너지 담당"
  bio: string;
  avatarUrl: string; // path under public/, e.g. "/images/authors/kim-seoyeon.png"
  joinedDaysAgo: number;
};

export type SeedSection = {
  slug: string;
  name: string; // Korean
  nameEn: string;
  description: string;
  descriptionEn: string;
  seriesLabel?: string | null; // set for a recurring series, e.g. "주간 데이터"
  position: number;
};

export type SeedArticle = {
  slug: string;
  title: string;
  dek: string[]; // 1–3 summary lines shown under the title
  body: string; // Markdown; an optional line `<!-- paywall -->` marks the preview cut
  locale: Locale;
  heroImage: string; // path under public/, e.g. "/images/hero/<slug>.jpg"
  heroAlt: string;
  heroCaption: string;
  heroCredit: string;
  section: string; // section slug
  authors: string[]; // author slugs, in byline order
  tags: { slug: string; name: string }[];
  access: "public" | "free" | "supporter" | "premium";
  publishedDaysAgo: number; // may be fractional
  updatedDaysAgo?: number;
  unlockInDays?: number; // time-based unlock, relative to seeding
  previewParagraphs?: number;
};
