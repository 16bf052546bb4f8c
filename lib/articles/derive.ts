import { toPlainText } from "./plain-text";
import { splitPreview } from "./preview";

// The plain-text copies stored beside a piece for search. Every writer of article bodies calls
// this, so the teaser text can never drift from what the per-tier page shows.
export function deriveSearchText(body: string, previewParagraphs: number): { teaserText: string; fullText: string } {
  const { teaser } = splitPreview(body, previewParagraphs);
  return { teaserText: toPlainText(teaser), fullText: toPlainText(body) };
}
