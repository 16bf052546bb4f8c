import { expect, test } from "@playwright/test";
import { GATED_MARKER, markedPiece } from "./fixtures";

const internalSpellings = (slug: string) => [
  `/t/premium/articles/${slug}`,
  `/t/anon/articles/${slug}`,
  `/T/premium/articles/${slug}`,
  `/%74/premium/articles/${slug}`,
  `/%2574/premium/articles/${slug}`,
  `//t/premium/articles/${slug}`,
  `/t//premium/articles/${slug}`,
  `/t/premium/articles/${slug}.rsc`,
  `/t/premium/articles/${slug}?_rsc=abc`,
  `/t/premium/articles/${slug}/`,
  `/t`,
  `/t/`,
  `/ko/t/premium/articles/${slug}`,
  `/en/t/premium/articles/${slug}`,
];

test.describe("gated pieces", () => {
  test("anonymous readers get the teaser and an upsell, never the gated text", async ({ page, request }) => {
    const res = await page.goto(`/articles/${markedPiece.slug}`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()["cache-control"]).toContain("private");
    expect(res?.headers()["cache-control"]).toContain("no-store");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(markedPiece.title);
    await expect(page.getByTestId("paywall")).toBeVisible();
    expect(await page.content()).not.toContain(GATED_MARKER);

    // The client router's flight (RSC) request for the same URL carries no gated text either.
    const rsc = await request.get(`/articles/${markedPiece.slug}`, { headers: { RSC: "1" } });
    expect(await rsc.text()).not.toContain(GATED_MARKER);
  });

  test("the internal per-tier route answers 404 in every spelling and with forged headers", async ({ request, baseURL }) => {
    const forged: Record<string, string>[] = [
      {},
      { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
      { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
      { "x-middleware-rewrite": `/t/premium/articles/${markedPiece.slug}` },
      { "x-invoke-path": `/t/premium/articles/${markedPiece.slug}` },
      { RSC: "1" },
      { RSC: "1", Accept: "text/html" },
      { Accept: "text/html" },
    ];
    for (const path of internalSpellings(markedPiece.slug)) {
      for (const headers of forged) {
        // Redirects are followed: whatever Next answers first, the end of the chain is a 404.
        // Full URLs: a path starting with `//` would otherwise be read as a host name.
        const res = await request.get(`${baseURL}${path}`, { headers });
        expect(res.status(), `${path} ${JSON.stringify(headers)}`).toBe(404);
        expect(await res.text(), path).not.toContain(GATED_MARKER);
      }
    }
  });

  test("forged internal headers on the public URL still get the anonymous render", async ({ request }) => {
    for (const headers of <Record<string, string>[]>[
      { "x-middleware-rewrite": `/t/premium/articles/${markedPiece.slug}` },
      { "x-invoke-path": `/t/premium/articles/${markedPiece.slug}` },
      { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
      { "x-masthead-tier": "premium" },
    ]) {
      const res = await request.get(`/articles/${markedPiece.slug}`, { headers });
      expect(res.status()).toBe(200);
      expect(await res.text()).not.toContain(GATED_MARKER);
    }
  });

  test("search never matches or shows gated words for anonymous readers", async ({ request }) => {
    const res = await request.get(`/search?q=${GATED_MARKER}`);
    expect(res.status()).toBe(200);
    const html = await res.text();
    expect(html).not.toContain(`/articles/${markedPiece.slug}"`);
  });
});
