// Small fixtures several unit tests build on. Each test states what it overrides.
import type { BillingTier } from "@/lib/billing/tiers";
import type { PieceValues } from "@/lib/import/wxr-merge";

/** The primary publication's premium tier (rank 2, comments), with no Stripe prices mapped. */
export const mainPremiumTier: BillingTier = {
  publicationId: 1,
  publicationSlug: "main",
  primaryPublication: true,
  slug: "premium",
  rank: 2,
  canComment: true,
  stripeMonthlyPriceId: null,
  stripeYearlyPriceId: null,
};

/** A published free piece as the WordPress importer stores it. */
export function importedPiece(over: Partial<PieceValues> = {}): PieceValues {
  return {
    slug: "notes",
    title: "노트",
    dek: [],
    body: "첫 문단.\n\n둘째 문단.\n\n셋째 문단.",
    locale: "ko",
    status: "published",
    publishAt: new Date("2025-02-03T01:00:00Z"),
    access: "free",
    unlockAt: null,
    previewParagraphs: 3,
    sectionId: 4,
    heroImage: null,
    heroCaption: "",
    heroAlt: "",
    authorIds: [1, 2],
    tagIds: [5, 6],
    ...over,
  };
}
