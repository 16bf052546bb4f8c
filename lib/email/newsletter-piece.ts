// A piece's parts as the newsletter shows them: the teaser and the gated part rendered from the
// Markdown with the web's own renderer and cut (so mail never shows more than the page would),
// with absolute URLs. Pure.
import { renderMarkdown } from "@/lib/articles/markdown";
import { toPlainParagraphs } from "@/lib/articles/plain-text";
import { splitPreview } from "@/lib/articles/preview";
import { articlePath } from "@/lib/seo/urls";
import { GMAIL_CLIP_BYTES, type NewsletterPiece } from "./newsletter";

export type MailablePiece = {
  title: string;
  slug: string;
  dek: string[];
  body: string;
  access: string;
  previewParagraphs: number;
  heroImage: string | null;
  heroAlt: string;
  authors: { name: string }[];
};

export function toNewsletterPiece(a: MailablePiece, origin: string, requiredTierName: string | null): NewsletterPiece {
  const isPublic = a.access === "public";
  const { teaser, gated } = isPublic ? { teaser: a.body, gated: null } : splitPreview(a.body, a.previewParagraphs);
  return {
    title: a.title,
    dek: a.dek,
    authors: a.authors.map((x) => x.name),
    heroImage: a.heroImage ? (a.heroImage.startsWith("/") ? origin + a.heroImage : a.heroImage) : null,
    heroAlt: a.heroAlt,
    url: origin + articlePath(a.slug),
    teaserHtml: renderMarkdown(teaser),
    gatedHtml: gated ? renderMarkdown(gated) : null,
    teaserText: toPlainParagraphs(teaser),
    gatedText: gated ? toPlainParagraphs(gated) : null,
    requiredTierName,
  };
}

// Above this many images a newsletter loads slowly and often lands in a promotions or spam folder.
export const IMAGE_HEAVY = 15;

export type NewsletterWeight = { bytes: number; images: number; clipped: boolean; imageHeavy: boolean };

/** The studio's warning: the full copy's HTML size (Gmail clips past ~102 KB) and image count. */
export function newsletterWeight(html: string): NewsletterWeight {
  const bytes = Buffer.byteLength(html, "utf8");
  const images = (html.match(/<img\b/gi) ?? []).length;
  return { bytes, images, clipped: bytes > GMAIL_CLIP_BYTES, imageHeavy: images > IMAGE_HEAVY };
}
