import { demoArticles, demoAuthors, demoSections } from "../db/seed/demo-content";

export const GATED_MARKER = "GATED-MARKER-7f3a";

export const markedPiece = (() => {
  const piece = demoArticles.find((a) => a.body.includes(GATED_MARKER));
  if (!piece) throw new Error("demo content lacks the gated marker piece");
  return piece;
})();

export const publicKo = demoArticles.find((a) => a.access === "public" && a.locale === "ko")!;
export const publicEn = demoArticles.find((a) => a.access === "public" && a.locale === "en")!;
export { demoArticles, demoAuthors, demoSections };
