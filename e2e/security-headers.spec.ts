import { expect, test, type Page, type Response } from "@playwright/test";
import { GATED_MARKER, markedPiece, publicKo } from "./fixtures";
import { signInStaff } from "./studio-support";
import { grant, signInAs } from "./support/auth";

// Issue 9 item 1: every response carries the security headers, and every kind of page runs under
// a strict Content-Security-Policy (no 'unsafe-inline' scripts) with zero violations while still
// hydrating. Dynamic pages get a per-request nonce from the proxy; prerendered pages (one render
// per tier × piece) carry the hashes of their own inline scripts in the cache entry.

const DAY = 24 * 3600 * 1000;

function directive(policy: string, name: string): string[] {
  const d = policy
    .split(";")
    .map((s) => s.trim())
    .find((s) => s.startsWith(`${name} `));
  return d ? d.split(/\s+/).slice(1) : [];
}

function expectCommonHeaders(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  // The e2e server is plain http without a TLS terminator: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

function expectStrictDocumentPolicy(policy: string | undefined): string[] {
  expect(policy, "document without a Content-Security-Policy").toBeTruthy();
  // One policy only: two would be enforced together and block the page.
  expect(policy).not.toContain(",");
  const scripts = directive(policy!, "script-src");
  expect(scripts[0]).toBe("'self'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(directive(policy!, "frame-ancestors")).toEqual(["'none'"]);
  expect(directive(policy!, "object-src")).toEqual(["'none'"]);
  return scripts.slice(1);
}

// Records CSP violations from the first byte of every document the page loads.
async function watchViolations(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI || "inline"}`);
    });
  });
  return errors;
}

// React attaches its fiber to DOM nodes only when it hydrates (or renders) them.
async function expectHydrated(page: Page) {
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll("body *")].some((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber")))))
    .toBe(true);
}

async function visit(page: Page, path: string, errors: string[]): Promise<{ response: Response; sources: string[] }> {
  // "load", not "networkidle": the router's prefetches of linked pages may stay open for a while.
  const response = (await page.goto(path, { waitUntil: "load" }))!;
  const headers = await response.allHeaders();
  expectCommonHeaders(headers);
  const sources = expectStrictDocumentPolicy(headers["content-security-policy"]);
  await expectHydrated(page);
  await page.waitForTimeout(300); // let late chunks and client effects report any violation
  expect(errors, `CSP violations on ${path}`).toEqual([]);
  return { response, sources };
}

test.describe("security headers and CSP", () => {
  test("anonymous pages: shared renders carry script hashes, per-request renders a nonce; no violations", async ({ page }) => {
    const errors = await watchViolations(page);

    const home = await visit(page, "/", errors);
    expect(home.sources.length).toBeGreaterThan(0);
    expect(home.sources.every((s) => s.startsWith("'sha256-"))).toBe(true);

    const article = await visit(page, `/articles/${publicKo.slug}`, errors);
    expect(article.sources.every((s) => s.startsWith("'sha256-"))).toBe(true);
    // The same render is shared: a second visit is a cache HIT with the same policy.
    const again = await page.request.get(`/articles/${publicKo.slug}`);
    expect(again.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(again.headers()["content-security-policy"]).toBe((await article.response.allHeaders())["content-security-policy"]);
    expect(again.headers()["cache-control"]).toBe("private, no-store");
    // No ETag: nothing may store the page, and hashing it cost a third of the server's CPU (next.config.ts).
    expect(again.headers()["etag"]).toBeUndefined();

    const gated = await visit(page, `/articles/${markedPiece.slug}`, errors);
    expect(gated.sources.every((s) => s.startsWith("'sha256-"))).toBe(true);
    await expect(page.locator("body")).not.toContainText(GATED_MARKER);

    await visit(page, "/pricing", errors);

    const signin = await visit(page, "/signin", errors);
    expect(signin.sources).toHaveLength(1);
    const nonce = /^'nonce-(.+)'$/.exec(signin.sources[0])?.[1];
    expect(nonce).toBeTruthy();
    // Fresh per request.
    const second = await page.request.get("/signin");
    expect(second.headers()["content-security-policy"]).not.toContain(nonce);
    // The client form works: an invalid address is refused in the browser, without a reload.
    await page.getByLabel(/이메일 주소|Email address/).fill("not-an-email");
    await page.getByRole("button", { name: /로그인 링크 받기|Email me a sign-in link/ }).click();
    await expect(page).toHaveURL(/\/signin/);
  });

  test("the policy is enforced: a script injected into the page does not run", async ({ page }) => {
    const errors = await watchViolations(page);
    await page.goto(`/articles/${publicKo.slug}`, { waitUntil: "load" });
    await expectHydrated(page);
    const ran = await page.evaluate(() => {
      const w = window as unknown as { injected?: boolean };
      const s = document.createElement("script");
      s.textContent = "window.injected = true";
      document.body.append(s);
      const img = document.createElement("img");
      img.setAttribute("onerror", "window.injected = true");
      img.src = "data:,";
      document.body.append(img);
      return new Promise<boolean>((resolve) => setTimeout(() => resolve(Boolean(w.injected)), 300));
    });
    expect(ran).toBe(false);
    expect(errors.length).toBeGreaterThanOrEqual(1);
  });

  test("premium reader and admin: gated article, account, studio; session cookie flags", async ({ page, request }) => {
    const email = `csp-premium-${Date.now()}@example.com`;
    await grant(request, email, "premium", new Date(Date.now() + DAY));
    const errors = await watchViolations(page);
    await signInAs(page, email, `/articles/${markedPiece.slug}`);
    expect(errors).toEqual([]);

    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session, "session cookie").toBeTruthy();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe("Lax");
    // Plain http here; under an https SITE_URL it is `__Secure-…` and Secure (unit-tested).
    expect(session!.secure).toBe(false);

    const gated = await visit(page, `/articles/${markedPiece.slug}`, errors);
    expect(gated.sources.every((s) => s.startsWith("'sha256-"))).toBe(true);
    await expect(page.locator("body")).toContainText(GATED_MARKER);
    await expect(page.getByTestId("account-menu")).toBeVisible();

    await visit(page, "/account", errors);

    await page.context().clearCookies();
    await signInStaff(page, "admin@masthead.local");
    const studio = await visit(page, "/studio/pieces", errors);
    expect(studio.sources[0]).toMatch(/^'nonce-/);
  });

  test("a magic link signs in once: replayed in another browser it gives no session", async ({ page, browser }) => {
    const link = await signInAs(page, `csp-once-${Date.now()}@example.com`);

    const other = await browser.newContext();
    const replay = await other.newPage();
    await replay.goto(link);
    await expect(replay).toHaveURL(/\/signin\/error/);
    expect((await other.cookies()).some((c) => c.name.endsWith("next-auth.session-token"))).toBe(false);
    await other.close();
  });

  test("headers on API routes, static files, redirects and 404s", async ({ request }) => {
    const api = await request.get("/api/health");
    expectCommonHeaders(api.headers());
    expect(directive(api.headers()["content-security-policy"], "default-src")).toEqual(["'none'"]);

    const redirect = await request.get(`/en/articles/${publicKo.slug}`, { maxRedirects: 0 });
    expect(redirect.status()).toBe(308);
    expectCommonHeaders(redirect.headers());

    const missing = await request.get("/no-such-page-anywhere", { headers: { accept: "text/html" } });
    expect(missing.status()).toBe(404);
    expectCommonHeaders(missing.headers());
    expectStrictDocumentPolicy(missing.headers()["content-security-policy"]);

    const internal = await request.get("/t/premium/articles/x", { headers: { accept: "text/html" } });
    expect(internal.status()).toBe(404);
    expectCommonHeaders(internal.headers());

    const html = await (await request.get("/")).text();
    const chunk = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(chunk).toBeTruthy();
    const asset = await request.get(chunk!);
    expect(asset.status()).toBe(200);
    expectCommonHeaders(asset.headers());
    // Next's own scripts carry Subresource Integrity (experimental.sri).
    expect(html).toMatch(/<script src="\/_next\/static\/[^"]+" integrity="sha256-/);

    const feed = await request.get("/feed.xml");
    expectCommonHeaders(feed.headers());

    // Behind a TLS terminator (X-Forwarded-Proto: https) every response also carries HSTS.
    for (const path of ["/api/health", "/", `/articles/${publicKo.slug}`]) {
      const viaTls = await request.get(path, { headers: { "x-forwarded-proto": "https" } });
      expect(viaTls.headers()["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
    }
  });
});
