// Which text of a piece a feed carries. Pure: `now`, the tier list and the reader's tier come from
// the caller. Public feeds are read without an account, so their reader is ANON_TIER; a member's
// private feed passes the member's effective tier. The decision is the same canRead +
// splitPreview pair the per-tier page uses: full text when the reader may read the piece,
// otherwise only the teaser — the gated part is never rendered.
import { ANON_TIER, canRead, FREE_SLUG, type TierRef } from "@/lib/access";
import { renderMarkdown } from "@/lib/articles/markdown";
import { excerpt, toPlainText } from "@/lib/articles/plain-text";
import { splitPreview } from "@/lib/articles/preview";
import type { UiLang } from "@/lib/i18n";

export type FeedPiece = {
  slug: string;
  title: string;
  dek: string[];
  locale: UiLang;
  body: string;
  previewParagraphs: number;
  access: string;
  unlockAt: Date | null;
  publishAt: Date;
  updatedAt: Date;
  heroImage: string | null;
  heroAlt: string;
  section: { slug: string; name: string; nameEn: string } | null;
  authors: { slug: string; name: string }[];
  tags: { slug: string; name: string }[];
};

// JSON-safe (it is stored in Next's data cache) and free of text the reader may not read.
export type FeedEntry = {
  slug: string;
  title: string;
  summary: string;
  contentHtml: string;
  // True when contentHtml is only the teaser: the rest needs an account or a (higher) paid tier.
  gated: boolean;
  // The tier whose members read the rest, in the piece's language; null when any member may.
  requiredTier: string | null;
  locale: UiLang;
  publishAt: string;
  updatedAt: string;
  heroImage: string | null;
  heroAlt: string;
  authors: string[];
  categories: string[];
};

export const SUMMARY_MAX_CHARS = 300;

type NamedTier = TierRef & { nameEn?: string };

export function toFeedEntry(piece: FeedPiece, tiers: readonly NamedTier[], now: Date, reader: TierRef = ANON_TIER): FeedEntry {
  const readable = canRead({ access: piece.access, unlockAt: piece.unlockAt }, reader, tiers, now);
  const { teaser, gated } = splitPreview(piece.body, piece.previewParagraphs);
  const shown = readable ? piece.body : teaser;
  const dek = piece.dek
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" ");
  const required = piece.access === "public" || piece.access === FREE_SLUG ? undefined : tiers.find((t) => t.slug === piece.access);
  const requiredName = required ? ((piece.locale === "en" ? required.nameEn : required.name) ?? required.slug) : null;
  const section = piece.section ? (piece.locale === "en" ? piece.section.nameEn : piece.section.name) : null;
  return {
    slug: piece.slug,
    title: piece.title,
    summary: excerpt(dek || toPlainText(shown), SUMMARY_MAX_CHARS),
    contentHtml: renderMarkdown(shown),
    gated: !readable && gated !== null,
    requiredTier: requiredName,
    locale: piece.locale,
    publishAt: piece.publishAt.toISOString(),
    updatedAt: piece.updatedAt.toISOString(),
    heroImage: piece.heroImage,
    heroAlt: piece.heroAlt,
    authors: piece.authors.map((a) => a.name),
    categories: [...(section ? [section] : []), ...piece.tags.map((t) => t.name)],
  };
}
