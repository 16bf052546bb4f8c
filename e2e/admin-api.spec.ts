import { expect, test } from "@playwright/test";
import { api, createPiece, uniq, uniqueEmail } from "./studio-support";

const body = "첫 문단입니다.\n\n둘째 문단.\n\n<!-- paywall -->\n\n유료 문단 ADMIN-API-GATED.";

test.describe("Admin API: articles (design §9)", () => {
  test("401 without a valid token, with the error shape", async ({ request }) => {
    const variants: Record<string, string>[] = [{}, { Authorization: "Bearer wrong-token-0123456789" }, { Authorization: "Basic abc" }];
    for (const headers of variants) {
      const res = await request.get("/api/admin/v1/articles", { headers });
      expect(res.status()).toBe(401);
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe("unauthorized:admin_api");
      expect(json.error.message).toBeTruthy();
    }
    expect((await request.post("/api/admin/v1/articles", { data: { title: "x" } })).status()).toBe(401);
  });

  test("POST → 201 {id, slug, url}; GET, PATCH, DELETE round-trip", async ({ request }) => {
    const slug = uniq("api-piece");
    const res = await request.post("/api/admin/v1/articles", {
      headers: api,
      data: {
        title: "API 기사",
        slug,
        dek: ["요약"],
        body,
        locale: "ko",
        access: "premium",
        status: "published",
        authorEmail: "editor@masthead.local",
        section: "research",
        tags: ["API 태그", "반도체"],
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const created = (await res.json()) as { id: number; slug: string; url: string };
    expect(Object.keys(created).sort()).toEqual(["id", "slug", "url"]);
    expect(created.slug).toBe(slug);
    expect(created.url).toMatch(new RegExp(`/articles/${slug}$`));

    const one = await request.get(`/api/admin/v1/articles/${created.id}`, { headers: api });
    expect(one.status()).toBe(200);
    const got = (await one.json()) as Record<string, unknown>;
    expect(got).toMatchObject({ id: created.id, slug, title: "API 기사", access: "premium", status: "published", live: true, section: "research", body });
    expect(got.tags).toEqual(expect.arrayContaining(["API 태그", "반도체"]));
    expect((got.authors as { email: string }[])[0].email).toBe("editor@masthead.local");

    const list = (await (await request.get(`/api/admin/v1/articles?q=${slug}`, { headers: api })).json()) as { articles: { id: number }[] };
    expect(list.articles.map((a) => a.id)).toContain(created.id);

    const patched = await request.patch(`/api/admin/v1/articles/${created.id}`, { headers: api, data: { title: "고친 제목", access: "public" } });
    expect(patched.status(), await patched.text()).toBe(200);
    expect(await patched.json()).toMatchObject({ slug, title: "고친 제목", access: "public", section: "research", body });
    const page = await request.get(`/articles/${slug}`);
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain("ADMIN-API-GATED");

    expect((await request.delete(`/api/admin/v1/articles/${created.id}`, { headers: api })).status()).toBe(200);
    expect((await request.get(`/api/admin/v1/articles/${created.id}`, { headers: api })).status()).toBe(404);
    expect((await request.get(`/articles/${slug}`)).status()).toBe(404);
  });

  test("a slug is derived when omitted; Korean titles get a stable ASCII slug", async ({ request }) => {
    const a = await createPiece(request, { title: `Chip Rules ${uniq("t")}`, body: "x", access: "public", status: "draft" });
    expect(a.slug).toMatch(/^chip-rules-/);
    const b = await createPiece(request, { title: `한국어 제목 ${uniq("k")}`, body: "x", access: "public", status: "draft" });
    expect(b.slug).toMatch(/^[a-z0-9-]+$/);
  });

  test("bad input answers 4xx with a clear code", async ({ request }) => {
    const cases: [unknown, number, string][] = [
      [{ title: "x", body: "x", access: "platinum", status: "published" }, 422, "invalid:access"],
      [{ title: "x", body: "x", access: "public", status: "scheduled" }, 422, "invalid:publishAt"],
      [{ title: "x", body: "x", access: "public", status: "live" }, 422, "invalid:input"],
      [{ title: "x", body: "x", access: "public", status: "draft", slug: "Bad Slug!" }, 422, "invalid:slug"],
      [{ title: "x", body: "x", access: "public", status: "draft", section: "nope" }, 422, "invalid:section"],
      [{ title: "x", body: "x", access: "public", status: "draft", authorEmail: "nobody@example.com" }, 422, "invalid:authorEmail"],
      [{ title: "x", body: "x", access: "public", status: "draft", unlockAt: "tomorrow" }, 422, "invalid:input"],
      [{ title: "x", body: "x", access: "public", status: "draft", surprise: 1 }, 422, "invalid:input"],
      [{ body: "x", access: "public", status: "draft" }, 422, "invalid:input"],
    ];
    for (const [data, status, code] of cases) {
      const res = await request.post("/api/admin/v1/articles", { headers: api, data: data as Record<string, unknown> });
      expect(res.status(), JSON.stringify(data)).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code, JSON.stringify(data)).toBe(code);
    }
    const bad = await request.post("/api/admin/v1/articles", { headers: { ...api, "content-type": "application/json" }, data: Buffer.from("{not json") });
    expect(bad.status()).toBe(400);
    const taken = await createPiece(request, { title: "dup", body: "x", access: "public", status: "draft" });
    const dup = await request.post("/api/admin/v1/articles", {
      headers: api,
      data: { title: "dup", slug: taken.slug, body: "x", access: "public", status: "draft" },
    });
    expect(dup.status()).toBe(409);
    expect((await request.get("/api/admin/v1/articles/abc", { headers: api })).status()).toBe(422);
    expect((await request.patch("/api/admin/v1/articles/99999999", { headers: api, data: { title: "x" } })).status()).toBe(404);
  });

  test("members and grants endpoints keep working", async ({ request }) => {
    const email = uniqueEmail("api-member");
    const res = await request.post(`/api/admin/v1/members/${encodeURIComponent(email)}/grants`, {
      headers: api,
      data: { tier: "premium", endsAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(res.status()).toBe(201);
    const { id } = (await res.json()) as { id: number };
    const member = (await (await request.get(`/api/admin/v1/members?email=${encodeURIComponent(email)}`, { headers: api })).json()) as {
      access: { tier: string };
    };
    expect(member.access.tier).toBe("premium");
    expect((await request.delete(`/api/admin/v1/grants/${id}`, { headers: api })).status()).toBe(200);
  });
});
