import { expect, test, type Page } from "@playwright/test";
import { splitPreview } from "../lib/articles/preview";
import { demoArticles, GATED_MARKER, markedPiece } from "./fixtures";
import { grant, signInAs } from "./support/auth";

type Ld = Record<string, unknown>;

const gatedPieces = demoArticles.filter(
  (a) => a.access !== "public" && !(a.unlockInDays !== undefined && a.unlockInDays <= 0) && splitPreview(a.body, a.previewParagraphs ?? 3).gated !== null,
);

async function newsArticle(page: Page): Promise<Ld> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const found = blocks.flatMap((t) => [JSON.parse(t) as Ld | Ld[]].flat()).filter((d) => d["@type"] === "NewsArticle");
  expect(found).toHaveLength(1);
  return found[0];
}

test("for a reader with access, every gated piece's JSON-LD selector matches the element holding the gated part", async ({ page, request }) => {
  expect(gatedPieces.length).toBeGreaterThanOrEqual(5);
  const email = `seo-premium-${Date.now()}@example.com`;
  await grant(request, email, "premium", new Date(Date.now() + 86_400_000));
  await signInAs(page, email, "/");
  for (const piece of gatedPieces) {
    const res = await page.goto(`/articles/${piece.slug}`);
    expect(res?.status(), piece.slug).toBe(200);
    await expect(page.getByTestId("paywall"), piece.slug).toHaveCount(0);
    const ld = await newsArticle(page);
    // Google's paywall markup stays the same whoever reads: the piece is not free.
    expect(ld.isAccessibleForFree, piece.slug).toBe(false);
    const { cssSelector } = ld.hasPart as { cssSelector: string };
    expect(cssSelector, piece.slug).toMatch(/^\.[\w-]+$/);
    const els = page.locator(cssSelector);
    expect(await els.count(), piece.slug).toBeGreaterThanOrEqual(1);
    expect((await els.first().innerText()).trim().length, piece.slug).toBeGreaterThan(0);
    if (piece.slug === markedPiece.slug) await expect(els.first()).toContainText(GATED_MARKER);
  }
});
