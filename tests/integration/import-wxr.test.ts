import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStudioArticle, getArticleIdBySlug } from "@/db/queries/studio-articles";
import { listRedirects } from "@/db/queries/studio-import";
import { getAuthorBySlug, getSectionBySlug, getTagBySlug } from "@/db/queries/taxonomy";
import { listAudit } from "@/db/queries/studio-audit";
import { seedDemo } from "@/db/seed/seed";
import { splitPreview } from "@/lib/articles/preview";
import { matchLegacyRedirect } from "@/lib/import/redirects";
import { importWxr } from "@/lib/import/wxr";
import { WxrError } from "@/lib/import/wxr-types";
import { cliActor } from "@/lib/studio/audit";
import { databaseKinds, openTestDatabase, type TestDatabase } from "./helpers/databases";

const fixture = (name: string) => fs.readFileSync(`tests/fixtures/wxr/${name}.xml`, "utf8");
const actor = cliActor("test");

describe.each(databaseKinds())("WordPress import on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await seedDemo(t.db, new Date("2026-11-28T00:00:00Z"));
  });
  afterAll(async () => t?.close());

  it("a malformed file stops with the line and element, and writes nothing", async () => {
    await expect(importWxr(t.db, actor, fixture("malformed"))).rejects.toThrow(/line 79/);
    await expect(importWxr(t.db, actor, fixture("missing-id"))).rejects.toThrow(WxrError);
    await expect(importWxr(t.db, actor, fixture("missing-id"))).rejects.toThrow(/line \d+, <item>/);
    await expect(importWxr(t.db, actor, "<rss><channel></channel></rss>")).rejects.toThrow(/not a WordPress export/);
    expect(await getArticleIdBySlug(t.db, "grid-delay")).toBeNull();
    expect(await listRedirects(t.db)).toEqual([]);
  });

  it("imports posts, pages and drafts with authors, sections, tags, hero images and Korean text", async () => {
    const progress: number[] = [];
    const report = await importWxr(t.db, actor, fixture("sample"), (done) => progress.push(done));
    expect(report.pieces).toEqual({ created: 4, updated: 0, unchanged: 0, skipped: 1 });
    expect(progress).toEqual([1, 2, 3, 4]);

    const grid = await getStudioArticle(t.db, (await getArticleIdBySlug(t.db, "grid-delay"))!);
    expect(grid).toMatchObject({ title: "송전망이 늦어지는 이유", status: "published", access: "public", heroImage: null });
    // The remote featured image (and its caption) leads the body.
    expect(grid!.body.startsWith("![송전탑](https://old.example.com/wp-content/uploads/2024/03/tower.jpg)\n\n*경기도의 한 송전탑*")).toBe(true);
    expect(grid!.publishAt?.toISOString()).toBe("2024-03-05T00:00:00.000Z");
    expect(grid!.authors.map((a) => a.name)).toEqual(["정민수"]);
    expect(grid!.section?.slug).toBe("energy");
    expect(grid!.tags.map((x) => x.name)).toEqual(["전력망"]);
    expect(grid!.dek).toEqual(["송전망 지연의 구조를 짚는다."]);
    // Shortcodes resolved, scripts dropped, embeds kept as links, <!--more--> became the cut.
    expect(grid!.body).not.toMatch(/\[caption|\[embed|\[su_note|contact-form-7|<script|alert/);
    expect(grid!.body).toContain("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    expect(grid!.body).toContain("핵심: 계통 포화");
    expect(splitPreview(grid!.body, 3).teaser).toContain("송전선 하나를 세우는 데 **10년**");
    expect(splitPreview(grid!.body, 3).gated).toContain("## 지연의 구조");
    expect(grid!.fullText).toContain("지연의 구조");

    const author = await getAuthorBySlug(t.db, "minsu");
    expect(author).toMatchObject({ name: "정민수", bio: "에너지 정책을 10년째 취재하는 기자." });
    expect(await getSectionBySlug(t.db, "경제")).toMatchObject({ name: "경제" });
    expect(await getTagBySlug(t.db, "반도체")).toBeTruthy();

    const korean = await getStudioArticle(t.db, (await getArticleIdBySlug(t.db, "wp-102"))!);
    expect(korean).toMatchObject({ title: "반도체 보조금, 누가 받나" });
    expect(korean!.section?.slug).toBe("경제");
    const draft = await getStudioArticle(t.db, (await getArticleIdBySlug(t.db, "wp-104"))!);
    expect(draft?.status).toBe("draft");
    expect(await getArticleIdBySlug(t.db, "trashed")).toBeNull();
    expect(await getArticleIdBySlug(t.db, "about")).not.toBeNull();
  });

  it("writes permanent redirects for the old URL shapes", async () => {
    const table = new Map((await listRedirects(t.db)).map((r) => [r.fromPath, r.toPath]));
    const cases: [string, string, string][] = [
      ["/", "?p=101", "/articles/grid-delay"],
      ["/2024/03/grid-delay/", "", "/articles/grid-delay"],
      ["/grid-delay/", "", "/articles/grid-delay"],
      ["/2024/04/%EB%B0%98%EB%8F%84%EC%B2%B4-%EB%B3%B4%EC%A1%B0%EA%B8%88/", "", "/articles/wp-102"],
      ["/", "?page_id=103", "/articles/about"],
      ["/about", "", "/articles/about"],
      ["/category/energy/", "", "/sections/energy"],
      ["/category/%ea%b2%bd%ec%a0%9c/", "", "/sections/경제"],
      ["/tag/grid/", "", "/tags/grid"],
      ["/author/minsu/", "", "/authors/minsu"],
    ];
    for (const [path, search, to] of cases) expect(matchLegacyRedirect(path, search, table), `${path}${search}`).toBe(to);
    expect(matchLegacyRedirect("/", "?p=104", table)).toBeNull();
    expect(matchLegacyRedirect("/pricing", "", new Map([["/pricing", "/articles/x"]]))).toBeNull();
  });

  it("re-importing the same file changes nothing", async () => {
    const before = await listAudit(t.db, {}, 500);
    const report = await importWxr(t.db, actor, fixture("sample"));
    expect(report.pieces).toEqual({ created: 0, updated: 0, unchanged: 4, skipped: 1 });
    expect(report.redirects.created + report.redirects.updated).toBe(0);
    expect(report.authors + report.sections + report.tags).toBe(0);
    const after = await listAudit(t.db, {}, 500);
    // Only the run itself is recorded; no piece changed.
    expect(after.length - before.length).toBe(1);
    expect(after[0].action).toBe("import.wxr");
  });
});
