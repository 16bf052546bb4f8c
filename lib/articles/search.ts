import "server-only";
import { getDb } from "@/db/client";
import { searchLiveArticles } from "@/db/queries/articles";
import { listTiers } from "@/db/queries/taxonomy";
import { canRead, type TierRef } from "@/lib/access";
import { matchesAllTerms, snippetAround, type ParsedQuery } from "./search-query";
import { toCardView, toTierView, type ArticleCardView } from "./view-models";

export type SearchHit = { card: ArticleCardView; snippet: string };

// Candidates come from the database by full text; each is then matched again against only the
// text this reader may read (the teaser for a gated piece), and the snippet is cut from that
// same text — so neither a hit nor a snippet reveals gated words.
export async function searchForTier(publicationId: number, query: ParsedQuery, tier: TierRef, now = new Date()): Promise<SearchHit[]> {
  if (query.terms.length === 0) return [];
  const db = await getDb();
  const [rows, tierRows] = await Promise.all([searchLiveArticles(db, publicationId, query.terms, now, 100), listTiers(db, publicationId)]);
  const tiers = tierRows.map(toTierView);
  const hits: SearchHit[] = [];
  for (const row of rows) {
    const readable = canRead({ access: row.access, unlockAt: row.unlockAt }, tier, tiers, now);
    const bodyText = readable ? row.fullText : row.teaserText;
    // Tags are shown with the teaser too, so matching them reveals nothing gated.
    const tagText = row.tags.map((t) => `${t.name} ${t.slug}`).join(" ");
    const visible = `${row.title} ${row.dek.join(" ")} ${tagText} ${bodyText}`;
    if (!matchesAllTerms(visible, query.terms)) continue;
    hits.push({ card: toCardView(row), snippet: snippetAround(bodyText, query.terms) });
  }
  return hits.slice(0, 30);
}
