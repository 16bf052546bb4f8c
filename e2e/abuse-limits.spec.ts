import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN_API_TOKEN, grant, signInAs } from "./support/auth";
import { mailCount, signInMailCount, waitForSignInLink } from "./support/mailbox";
import { signInStaff, uniq, uniqueEmail } from "./studio-support";

// Abuse limits over HTTP against the normal e2e server (default limits except the per-IP sign-in
// limit, which the suite raises). Each test plays its own client address through X-Forwarded-For,
// as the proxy in front would (TRUSTED_PROXY_HOPS), so it starts with fresh per-IP budgets.
const randomIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join(".")}`;
const SEARCH_PER_MINUTE = 300; // SEARCH_REQUESTS_PER_MINUTE in playwright.config.ts (default 30)
const ADMIN_PER_MINUTE = 300; // ADMIN_API_REQUESTS_PER_MINUTE default
const PER_ADDRESS = 30; // SIGNIN_REQUESTS_PER_EMAIL in playwright.config.ts (default 5)

async function csrf(request: APIRequestContext): Promise<string> {
  return ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

// What next-auth's own client sends when the form asks for a link.
async function requestLink(request: APIRequestContext, email: string, callbackUrl = "/", ip = randomIp()) {
  const res = await request.post("/api/auth/signin/email", {
    form: { email, csrfToken: await csrf(request), callbackUrl, json: "true" },
    headers: { "x-forwarded-for": ip },
  });
  return { status: res.status(), body: (await res.json()) as Record<string, unknown>, retryAfter: res.headers()["retry-after"] };
}

// A member with a day of `tier`, and an address with no account: sign-in must answer both alike.
async function memberAndUnknown(request: APIRequestContext, tier: string, label = "") {
  const member = uniqueEmail(`${label}member`);
  await grant(request, member, tier, new Date(Date.now() + 86_400_000));
  return { member, unknown: uniqueEmail(`${label}nobody`) };
}

test.describe("sign-in never reveals whether an address has an account", () => {
  test("the precheck and the link request answer alike for a member and an unknown address", async ({ request }) => {
    const { member, unknown } = await memberAndUnknown(request, "premium");
    const answers = [];
    for (const email of [member, unknown]) {
      const check = await request.post("/api/signin/precheck", { data: { email }, headers: { "x-forwarded-for": randomIp() } });
      answers.push({ check: { status: check.status(), body: await check.json() }, send: await requestLink(request, email) });
    }
    expect(answers[0].check).toEqual({ status: 200, body: { ok: true } });
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0].send.status).toBe(200);
    expect(String(answers[0].send.body.url)).toMatch(/\/api\/auth\/verify-request\?provider=email/);
  });

  test("the per-address limit on direct link requests is the same for both, from any IP", async ({ request }) => {
    const { member, unknown } = await memberAndUnknown(request, "supporter", "limited-");
    const runs = [];
    for (const email of [member, unknown]) {
      const results = [];
      // A new address per request would dodge a per-IP limit; rotating IPs must not dodge this one.
      for (let i = 0; i <= PER_ADDRESS; i++) results.push(await requestLink(request, email, "/", randomIp()));
      runs.push(results);
    }
    for (const results of runs) {
      expect(results.slice(0, PER_ADDRESS).map((r) => r.status)).toEqual(Array(PER_ADDRESS).fill(200));
      const limited = results[PER_ADDRESS];
      expect(limited.status).toBe(429);
      expect(Number(limited.retryAfter)).toBeGreaterThan(0);
      expect(limited.body).toMatchObject({ error: { code: "rate_limited:signin" } });
    }
    const strip = (r: { status: number; body: unknown }) => ({ status: r.status, body: r.body });
    expect(runs[0].map(strip)).toEqual(runs[1].map(strip));
    // The refused request sent no mail; the allowed ones did.
    await expect.poll(() => [signInMailCount(member), signInMailCount(unknown)]).toEqual([PER_ADDRESS, PER_ADDRESS]);
  });
});

test.describe("callbackUrl cannot send a reader off the site", () => {
  for (const hostile of ["https://evil.example/", "//evil.example", "/\\evil.example", "/%2F%2Fevil.example", "javascript:alert(1)"]) {
    test(`a magic link requested with callbackUrl ${JSON.stringify(hostile)} lands on the site`, async ({ request, baseURL }) => {
      const email = uniqueEmail("redirect");
      const before = mailCount(email);
      expect((await requestLink(request, email, hostile)).status).toBe(200);
      const link = await waitForSignInLink(email, before);
      const res = await request.get(link, { maxRedirects: 0 });
      expect(res.status()).toBe(302);
      const location = new URL(res.headers()["location"], baseURL);
      expect(location.origin).toBe(new URL(baseURL!).origin);
      expect(location.pathname).not.toMatch(/^\/[/\\]/);
    });
  }

  test("sign-out with a foreign callbackUrl stays on the site", async ({ request, baseURL }) => {
    const res = await request.post("/api/auth/signout", { form: { csrfToken: await csrf(request), callbackUrl: "https://evil.example/", json: "true" } });
    expect(new URL(String(((await res.json()) as { url: string }).url)).origin).toBe(new URL(baseURL!).origin);
  });

  test("the sign-in page ignores a hostile callbackUrl and the reader ends up at home", async ({ page, baseURL }) => {
    await signInAs(page, uniqueEmail("ui-redirect"), "//evil.example/steal");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
});

test.describe("search is limited per client IP", () => {
  test("past the budget the page answers 429 with a localized message and no results", async ({ request }) => {
    const ip = randomIp();
    for (let i = 0; i < SEARCH_PER_MINUTE; i++) {
      const res = await request.get(`/search?q=${encodeURIComponent(`반도체 ${i}`)}`, { headers: { "x-forwarded-for": ip } });
      expect(res.status(), `search ${i + 1}`).toBe(200);
    }
    const ko = await request.get("/search?q=%EB%B0%98%EB%8F%84%EC%B2%B4", { headers: { "x-forwarded-for": ip } });
    expect(ko.status()).toBe(429);
    expect(Number(ko.headers()["retry-after"])).toBeGreaterThan(0);
    const koHtml = await ko.text();
    expect(koHtml).toContain("검색 요청이 너무 많습니다");
    expect(koHtml).not.toContain('id="results-heading"');
    // A forged address in front of the real one does not open a new budget.
    const en = await request.get("/en/search?q=chips", { headers: { "x-forwarded-for": `6.6.6.6, ${ip}` } });
    expect(en.status()).toBe(429);
    expect(await en.text()).toContain("Too many searches");
    // The empty search page costs nothing, and other readers are unaffected.
    expect((await request.get("/search", { headers: { "x-forwarded-for": ip } })).status()).toBe(200);
    const other = await request.get("/search?q=%EB%B0%98%EB%8F%84%EC%B2%B4", { headers: { "x-forwarded-for": randomIp() } });
    expect(other.status()).toBe(200);
    expect(await other.text()).not.toContain("검색 요청이 너무 많습니다");
  });
});

test.describe("Admin API is limited per token", () => {
  test("a token past its budget gets 429 with Retry-After and a JSON error; other tokens are unaffected", async ({ page, request }) => {
    await signInStaff(page, "admin@masthead.local");
    await page.goto("/studio/tokens");
    await page.getByLabel("토큰 이름").fill(uniq("limit-token"));
    await page.getByRole("button", { name: "토큰 만들기" }).click();
    const token = (await page.getByTestId("new-token").textContent())!.trim();
    const auth = { Authorization: `Bearer ${token}` };
    const statuses: number[] = [];
    for (let sent = 0; sent < ADMIN_PER_MINUTE; sent += 25) {
      const batch = await Promise.all(Array.from({ length: 25 }, () => request.get("/api/admin/v1/members?email=nobody%40example.com", { headers: auth })));
      statuses.push(...batch.map((r) => r.status()));
    }
    expect(statuses.filter((s) => s !== 404 && s !== 200)).toEqual([]);
    const limited = await request.get("/api/admin/v1/articles?limit=1", { headers: auth });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited:admin_api", message: expect.stringMatching(/Too many requests/) } });
    const other = await request.get("/api/admin/v1/articles?limit=1", { headers: { Authorization: `Bearer ${ADMIN_API_TOKEN}` } });
    expect(other.status()).toBe(200);
  });
});
