import { processSlot, setProcessSlot } from "@/lib/process-state";

// The slugs of every stored piece (any status), held in memory so the proxy can answer a slug that
// names nothing with a 404 before any render: a miss must cost no cache space (issue 15 §7 — each
// unknown slug used to leave one cached 404 render per tier, and with Redis for 7 days). Drafts
// and scheduled pieces are included: their render is a cached "not found" bounded by the number of
// pieces, and becomes the piece at its publish instant by tag revalidation.
//
// `loaded` is false until the first load succeeds (database down at boot): meanwhile every slug
// goes to the render, as before, rather than 404ing real pieces.
export type KnownArticles = { loaded: boolean; slugs: Set<string> };

const table = () => processSlot("knownArticles", () => ({ loaded: false, slugs: new Set<string>() }));

export function replaceKnownArticles(slugs: Iterable<string>): void {
  setProcessSlot("knownArticles", { loaded: true, slugs: new Set(slugs) });
}

// Slugs announced by a write (here or on another instance) are known at once; a full reload only
// happens at start and after bulk changes, so a deleted piece's slug may linger until then (its
// render is a bounded cached 404).
export function noteKnownArticles(slugs: Iterable<string>): void {
  const current = table();
  for (const s of slugs) current.slugs.add(s);
}

/** false only when the table is loaded and does not hold the slug. */
export function mayBeArticle(slug: string): boolean {
  const t = table();
  return !t.loaded || t.slugs.has(slug);
}
