import { processSlot, setProcessSlot } from "@/lib/process-state";

// The slugs of every stored piece (any status) per publication, held in memory so the proxy can
// answer a slug that names nothing with a 404 before any render: a miss must cost no cache space
// (issue 15 §7 — each unknown slug used to leave one cached 404 render per tier, and with Redis for
// 7 days). Drafts and scheduled pieces are included: their render is a cached "not found" bounded
// by the number of pieces, and becomes the piece at its publish instant by tag revalidation.
//
// `loaded` is false until the first load succeeds (database down at boot): meanwhile every slug
// goes to the render, as before, rather than 404ing real pieces.
export type KnownArticles = { loaded: boolean; slugs: Map<number, Set<string>> };

const table = () => processSlot("knownArticles", () => ({ loaded: false, slugs: new Map() }));

export function replaceKnownArticles(rows: Iterable<{ publicationId: number; slug: string }>): void {
  const slugs = new Map<number, Set<string>>();
  for (const { publicationId, slug } of rows) {
    let set = slugs.get(publicationId);
    if (!set) slugs.set(publicationId, (set = new Set()));
    set.add(slug);
  }
  setProcessSlot("knownArticles", { loaded: true, slugs });
}

// Slugs announced by a write (here or on another instance) are known at once; a full reload only
// happens at start and after bulk changes, so a deleted piece's slug may linger until then (its
// render is a bounded cached 404).
export function noteKnownArticles(publicationId: number, slugs: Iterable<string>): void {
  const current = table();
  let set = current.slugs.get(publicationId);
  if (!set) current.slugs.set(publicationId, (set = new Set()));
  for (const s of slugs) set.add(s);
}

/** false only when the table is loaded and the publication has no piece with this slug. */
export function mayBeArticle(publicationId: number, slug: string): boolean {
  const t = table();
  return !t.loaded || (t.slugs.get(publicationId)?.has(slug) ?? false);
}
