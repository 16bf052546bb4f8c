import { cacheTierSlugs, canRead, tierBySlug, type TierRef } from "@/lib/access";
import { renderMarkdown } from "@/lib/articles/markdown";
import { splitPreview } from "@/lib/articles/preview";

export type PreviewPiece = { body: string; access: string; unlockAt: Date | null; previewParagraphs: number };
export type TierPreview = { tier: string; label: string; readable: boolean; html: string; cut: boolean };

// What each cached tier render will show, computed with the same rules and the same preview cut as
// the per-tier page (lib/articles/reader getTierArticle): teaser for tiers without access, the
// whole piece for tiers with it.
export function previewForTiers(piece: PreviewPiece, tiers: readonly TierRef[], now: Date): TierPreview[] {
  const { teaser, gated } = splitPreview(piece.body, piece.previewParagraphs);
  const isPublic = piece.access === "public";
  return cacheTierSlugs(tiers).map((slug) => {
    const tier = tierBySlug(tiers, slug) ?? { slug, rank: -1, canComment: false };
    const readable = canRead({ access: piece.access, unlockAt: piece.unlockAt }, tier, tiers, now);
    const html = isPublic || (readable && gated) ? renderMarkdown(isPublic ? piece.body : `${teaser}\n\n${gated}`) : renderMarkdown(teaser);
    return { tier: slug, label: tier.name ?? (slug === "anon" ? "비회원 (anonymous)" : slug), readable, html, cut: !isPublic && gated !== null && !readable };
  });
}
