import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getLiveArticleBySlug } from "@/db/queries/articles";
import { deleteArticle } from "@/db/queries/content-writes";
import { getStudioArticle, getArticleIdBySlug } from "@/db/queries/studio-articles";
import { getImportItem, listRedirects } from "@/db/queries/studio-import";
import { getAuthorBySlug, getSectionBySlug, getTagBySlug, listTiers } from "@/db/queries/taxonomy";
import { listAudit } from "@/db/queries/studio-audit";
import { importItems } from "@/db/schema";
import { getPublicationById, insertPublication } from "@/db/queries/publications";
import { seedTiers } from "@/db/seed/seed";
import { renderMarkdown } from "@/lib/articles/markdown";
import { PAYWALL_MARKER, splitPreview } from "@/lib/articles/preview";
import { toArticleView, toCardView, toTierView } from "@/lib/articles/view-models";
import { importCommands } from "@/lib/import/cli";
import { matchLegacyRedirect } from "@/lib/import/redirects";
import { describeReportDetails, importWxr } from "@/lib/import/wxr";
import { ImportOptionError, WxrError } from "@/lib/import/wxr-types";
import { articlePageJsonLd, articlePageMetadata } from "@/lib/seo/article-page";
import { toFeedEntry } from "@/lib/seo/feed-entries";
import { toFeedPiece } from "@/lib/seo/feed-data";
import { serializeJsonLd } from "@/lib/seo/json-ld";
import { toShareCardProps } from "@/lib/seo/og/share-card-props";
import { cliActor, type Actor } from "@/lib/studio/audit";
import { parseArgs, UsageError } from "@/lib/studio/cli/args";
import { updatePiece } from "@/lib/studio/pieces";
import { previewForTiers } from "@/lib/studio/tier-preview";
import { publicationName } from "@/lib/publications/model";
import { toPublicationRef } from "@/lib/publications/views";
import { databaseKinds, type TestDatabase } from "./helpers/databases";
import { openDemoStudio } from "./helpers/suites";

const fixture = (name: string) => fs.readFileSync(`tests/fixtures/wxr/${name}.xml`, "utf8");

// Sentences of the password-protected post 601 (body and WordPress excerpt) and page 602.
const PROTECTED_TEXT = [
  "양극재 조달의 숨은 병목",
  "합작 조건은 공개된 적이 없다",
  "단가는 12% 낮다",
  "협상 문서",
  "합작 단가가 12%",
  "내부 자료실 주소",
  "자료실 비밀번호",
];

// Everything a reader without an account receives of a live piece, built the way the per-tier
// page does it (lib/articles/reader.ts getTierArticle: the preview cut, then the head from the
// dek and teaser only), plus the share card, the public feed entry and the search teaser. The
// per-tier HTML comes from previewForTiers, the studio's copy of the page's rule.
async function exposure(db: Db, pub: number, slug: string) {
  const now = new Date();
  const row = await getLiveArticleBySlug(db, pub, slug, now);
  if (!row) throw new Error(`${slug} is not live`);
  const tiers = (await listTiers(db, pub)).map(toTierView);
  // The site name and identity in the head, share card and JSON-LD are the publication's.
  const site = toPublicationRef((await getPublicationById(db, pub))!);
  const views = previewForTiers(row, tiers, now);
  const { teaser, gated } = splitPreview(row.body, row.previewParagraphs);
  const isPublic = row.access === "public";
  const page = { article: toArticleView(row), teaserHtml: renderMarkdown(isPublic ? row.body : teaser), hasGatedPart: !isPublic && gated !== null };
  const base = "https://masthead.test";
  const anon = views.find((v) => v.tier === "anon")!;
  return {
    anon,
    free: views.find((v) => v.tier === "free")!,
    everything: JSON.stringify([
      anon.html,
      page.teaserHtml,
      articlePageMetadata(page, site, base),
      serializeJsonLd(articlePageJsonLd(page, tiers, site, base, now)),
      toShareCardProps(toCardView(row), tiers, publicationName(site, row.locale)),
      toFeedEntry(toFeedPiece(row), tiers, now),
      row.teaserText,
      row.dek,
    ]),
  };
}

describe.each(databaseKinds())("WordPress import on %s", (kind) => {
  // Imports land in the actor's publication: the operator CLI and an editor, both in the primary.
  let t: TestDatabase, pub: number, actor: Actor, editor: Actor;
  beforeAll(async () => {
    ({ t, pub, actor } = await openDemoStudio(kind, new Date("2026-11-28T00:00:00Z")));
    editor = cliActor("editor", pub);
  });
  // The primary's redirect table (what its hosts answer), as the server loads it.
  const redirectTable = async (publicationId: number) =>
    new Map((await listRedirects(t.db)).filter((r) => r.publicationId === publicationId).map((r) => [r.fromPath, r.toPath]));
  afterAll(async () => t?.close());

  it("a malformed file stops with the line and element, and writes nothing", async () => {
    await expect(importWxr(t.db, actor, fixture("malformed"))).rejects.toThrow(/line 79/);
    await expect(importWxr(t.db, actor, fixture("missing-id"))).rejects.toThrow(WxrError);
    await expect(importWxr(t.db, actor, fixture("missing-id"))).rejects.toThrow(/line \d+, <item>/);
    await expect(importWxr(t.db, actor, "<rss><channel></channel></rss>")).rejects.toThrow(/not a WordPress export/);
    expect(await getArticleIdBySlug(t.db, pub, "grid-delay")).toBeNull();
    expect(await listRedirects(t.db)).toEqual([]);
  });

  it("imports posts, pages and drafts with authors, sections, tags, hero images and Korean text", async () => {
    const progress: number[] = [];
    const report = await importWxr(t.db, actor, fixture("sample"), { onProgress: (done) => progress.push(done) });
    expect(report.pieces).toEqual({ created: 4, updated: 0, unchanged: 0, skipped: 1 });
    expect(progress).toEqual([1, 2, 3, 4]);

    const grid = await getStudioArticle(t.db, pub, (await getArticleIdBySlug(t.db, pub, "grid-delay"))!);
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

    const author = await getAuthorBySlug(t.db, pub, "minsu");
    expect(author).toMatchObject({ name: "정민수", bio: "에너지 정책을 10년째 취재하는 기자." });
    expect(await getSectionBySlug(t.db, pub, "경제")).toMatchObject({ name: "경제" });
    expect(await getTagBySlug(t.db, pub, "반도체")).toBeTruthy();

    const korean = await getStudioArticle(t.db, pub, (await getArticleIdBySlug(t.db, pub, "wp-102"))!);
    expect(korean).toMatchObject({ title: "반도체 보조금, 누가 받나" });
    expect(korean!.section?.slug).toBe("경제");
    const draft = await getStudioArticle(t.db, pub, (await getArticleIdBySlug(t.db, pub, "wp-104"))!);
    expect(draft?.status).toBe("draft");
    expect(await getArticleIdBySlug(t.db, pub, "trashed")).toBeNull();
    expect(await getArticleIdBySlug(t.db, pub, "about")).not.toBeNull();
  });

  it("writes permanent redirects for the old URL shapes", async () => {
    const table = await redirectTable(pub);
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

  it("imports password-protected posts gated (members only by default), without their excerpt, and reports them", async () => {
    const report = await importWxr(t.db, actor, fixture("protected"));
    expect(report.pieces).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 0 });
    expect(report.protected).toEqual({
      access: "free",
      pieces: [
        { wpId: 601, slug: "battery-notes", access: "free" },
        { wpId: 602, slug: "members-guide", access: "free" },
      ],
    });
    expect(describeReportDetails(report).join("\n")).toMatch(
      /password-protected posts: 2, imported at access "free" \(gated\):\n {2}battery-notes \(WordPress #601\)\n {2}members-guide/,
    );

    const notes = await getStudioArticle(t.db, pub, (await getArticleIdBySlug(t.db, pub, "battery-notes"))!);
    expect(notes).toMatchObject({ title: "배터리 공급망 비공개 노트", status: "published", access: "free", dek: [] });
    // Members still get the whole text; the cut sits after the (public) featured image.
    expect(notes!.body).toMatch(/^!\[공장\]\(https:\/\/locked\.example\.com\/[^)]+\)\n\n\*배터리 공장 전경\*\n\n<!-- paywall -->\n\n첫 문단/);
    expect(notes!.fullText).toContain("단가는 12% 낮다");
    const guide = await getStudioArticle(t.db, pub, (await getArticleIdBySlug(t.db, pub, "members-guide"))!);
    expect(guide).toMatchObject({ access: "free", dek: [] });
    expect(guide!.body.startsWith(PAYWALL_MARKER)).toBe(true);
    // An empty <wp:post_password> is not a protected post.
    const open = await getStudioArticle(t.db, pub, (await getArticleIdBySlug(t.db, pub, "open-briefing"))!);
    expect(open).toMatchObject({ access: "public", dek: ["공개 요약."] });
  });

  it("shows a reader without access none of a protected post's text — page, meta, OG, JSON-LD, feed or search", async () => {
    for (const slug of ["battery-notes", "members-guide"]) {
      const seen = await exposure(t.db, pub, slug);
      expect(seen.anon.readable, slug).toBe(false);
      for (const sentence of PROTECTED_TEXT) expect(seen.everything, `${slug}: ${sentence}`).not.toContain(sentence);
      // The paywall machinery still hands members the whole piece.
      expect(seen.free.readable).toBe(true);
    }
    expect((await exposure(t.db, pub, "battery-notes")).free.html).toContain("단가는 12% 낮다");
    expect((await exposure(t.db, pub, "battery-notes")).anon.html).toContain("plant.jpg");
    expect((await exposure(t.db, pub, "open-briefing")).everything).toContain("가동률은 81%였다");
  });

  it("--protected-access picks the tier; an unknown one is refused before anything is written", async () => {
    for (const bad of ["platinum", "anon", "", "PREMIUM"]) {
      const refused = importWxr(t.db, actor, fixture("protected"), { protectedAccess: bad });
      await expect(refused, bad).rejects.toThrow(ImportOptionError);
      await expect(refused, bad).rejects.toThrow(/use one of public, free, supporter, premium/);
    }
    expect((await getStudioArticle(t.db, pub, (await getArticleIdBySlug(t.db, pub, "battery-notes"))!))?.access).toBe("free");

    const report = await importWxr(t.db, actor, fixture("protected"), { protectedAccess: "premium" });
    expect(report.pieces).toEqual({ created: 0, updated: 2, unchanged: 1, skipped: 0 });
    expect(report.protected.access).toBe("premium");
    expect(report.protected.pieces.map((p) => p.access)).toEqual(["premium", "premium"]);
    expect(report.editorKept).toEqual([]);
    expect((await getStudioArticle(t.db, pub, (await getArticleIdBySlug(t.db, pub, "members-guide"))!))?.access).toBe("premium");
    // The operator CLI: the flag reaches the import, an unknown tier is a usage error (exit code 2).
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wxr-")), "protected.xml");
    fs.writeFileSync(file, fixture("protected"));
    const lines: string[] = [];
    const cli = (...argv: string[]) => importCommands["import:wxr"].run(t.db, actor, parseArgs([file, ...argv]), (l) => lines.push(l));
    await expect(cli("--protected-access", "gold")).rejects.toThrow(UsageError);
    await expect(cli("--protected-access", "gold")).rejects.toThrow(
      /--protected-access "gold" is not an access level: use public, free, supporter, premium — nothing was imported/,
    );
    await expect(cli("--protected-access")).rejects.toThrow(/--protected-access needs a value/);
    expect(lines).toEqual([]);
    await cli("--protected-access", "premium");
    expect(lines).toContain('password-protected posts: 2, imported at access "premium" (gated):');
    fs.rmSync(path.dirname(file), { recursive: true });
    // The same file with the same choice again changes nothing.
    expect((await importWxr(t.db, actor, fixture("protected"), { protectedAccess: "premium" })).pieces).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      skipped: 0,
    });
  });

  it("a re-import keeps what an editor changed since — access, status, preview, paywall position, body — and applies the rest", async () => {
    const notesId = (await getArticleIdBySlug(t.db, pub, "battery-notes"))!;
    const notes = (await getStudioArticle(t.db, pub, notesId))!;
    // The editor gives the piece a teaser (the first paragraph), a cheaper tier, an unlock date,
    // takes it offline and shows two preview paragraphs.
    const teaserEnd = notes.body.indexOf("\n\n둘째 문단");
    const moved = `${notes.body.slice(0, teaserEnd).replace(`${PAYWALL_MARKER}\n\n`, "")}\n\n${PAYWALL_MARKER}${notes.body.slice(teaserEnd)}`;
    const unlockAt = new Date("2030-01-01T00:00:00Z");
    await updatePiece(t.db, editor, notesId, { access: "supporter", unlockAt, status: "draft", previewParagraphs: 2, body: moved });
    // …and adds a sentence to the page.
    const guideId = (await getArticleIdBySlug(t.db, pub, "members-guide"))!;
    const guide = (await getStudioArticle(t.db, pub, guideId))!;
    await updatePiece(t.db, editor, guideId, { body: `${guide.body}\n\n편집자가 덧붙인 문단.` });

    // Meanwhile in WordPress: new figures, a new title, a corrected page; the file is imported
    // again with the default choice (free).
    const changed = fixture("protected")
      .replace("단가는 12% 낮다", "단가는 15% 낮다")
      .replace("배터리 공급망 비공개 노트", "배터리 공급망 비공개 노트 (수정)")
      .replace("매달 바뀐다", "매주 바뀐다");
    const report = await importWxr(t.db, actor, changed);
    expect(report.pieces).toEqual({ created: 0, updated: 2, unchanged: 1, skipped: 0 });

    const after = (await getStudioArticle(t.db, pub, notesId))!;
    expect(after).toMatchObject({ title: "배터리 공급망 비공개 노트 (수정)", access: "supporter", status: "draft", previewParagraphs: 2 });
    expect(after.unlockAt?.toISOString()).toBe(unlockAt.toISOString());
    // WordPress's new text, with the cut where the editor put it.
    const split = splitPreview(after.body, after.previewParagraphs);
    expect(split.teaser).toContain("첫 문단");
    expect(split.teaser).not.toContain("둘째 문단");
    expect(split.gated).toContain("단가는 15% 낮다");
    expect(after.teaserText).not.toContain("15%");

    const guideAfter = (await getStudioArticle(t.db, pub, guideId))!;
    // Both sides changed the page text: the editor's version stays (and is reported); the access
    // nobody touched in Masthead follows the file, and the cut stays before the first word.
    expect(guideAfter.body).toContain("편집자가 덧붙인 문단.");
    expect(guideAfter.body).toContain("매달 바뀐다");
    expect(guideAfter.body.startsWith(PAYWALL_MARKER)).toBe(true);
    expect(guideAfter.access).toBe("free");

    expect(report.editorKept).toEqual([
      { slug: "battery-notes", fields: ["publication", "access", "previewParagraphs", "paywall"], conflicts: ["access"] },
      { slug: "members-guide", fields: ["body"], conflicts: ["body"] },
    ]);
    expect(report.protected.pieces).toEqual([
      { wpId: 601, slug: "battery-notes", access: "supporter" },
      { wpId: 602, slug: "members-guide", access: "free" },
    ]);
    expect(describeReportDetails(report).join("\n")).toContain("members-guide: body — changed in WordPress too, Masthead's kept: body");

    // Once more: the editor's values hold, nothing is re-written.
    expect((await importWxr(t.db, actor, changed)).pieces).toEqual({ created: 0, updated: 0, unchanged: 3, skipped: 0 });
    expect((await getStudioArticle(t.db, pub, notesId))!).toMatchObject({ access: "supporter", status: "draft" });
  });

  it("gates protected posts an earlier importer made public, unless an editor changed them", async () => {
    // The same export under another address, imported as the importer before this fix did
    // (password ignored, public, no fingerprints).
    const legacy = fixture("protected")
      .replaceAll("https://locked.example.com", "https://legacy.example.com")
      .replaceAll("battery-notes", "legacy-notes")
      .replaceAll("members-guide", "legacy-guide")
      .replaceAll("open-briefing", "legacy-briefing");
    await importWxr(t.db, actor, legacy.replace(/<wp:post_password>.*<\/wp:post_password>/g, ""));
    await t.db.update(importItems).set({ written: null }).where(eq(importItems.source, "wxr:https://legacy.example.com"));
    const legacyItem = await getImportItem(t.db, pub, "wxr:https://legacy.example.com", "post", "601");
    expect(legacyItem?.written).toBeNull();
    // An editor made one of them a paid piece meanwhile.
    const guideId = (await getArticleIdBySlug(t.db, pub, "legacy-guide"))!;
    const guideBefore = (await getStudioArticle(t.db, pub, guideId))!;
    expect(guideBefore.access).toBe("public");
    await updatePiece(t.db, editor, guideId, { access: "premium" });

    const report = await importWxr(t.db, actor, legacy);
    expect(report.pieces).toEqual({ created: 0, updated: 2, unchanged: 1, skipped: 0 });
    const notes = (await getStudioArticle(t.db, pub, (await getArticleIdBySlug(t.db, pub, "legacy-notes"))!))!;
    expect(notes).toMatchObject({ access: "free", dek: [] });
    expect(splitPreview(notes.body, notes.previewParagraphs).teaser).not.toContain("첫 문단");
    for (const sentence of PROTECTED_TEXT) expect((await exposure(t.db, pub, "legacy-notes")).everything).not.toContain(sentence);
    expect((await getStudioArticle(t.db, pub, guideId))!).toMatchObject({ access: "premium" });
    expect((await getImportItem(t.db, pub, "wxr:https://legacy.example.com", "post", "601"))?.written).toBeTruthy();
  });

  it("does not re-create a piece an editor deleted", async () => {
    const id = (await getArticleIdBySlug(t.db, pub, "legacy-briefing"))!;
    await deleteArticle(t.db, id);
    const report = await importWxr(
      t.db,
      actor,
      fixture("protected").replaceAll("https://locked.example.com", "https://legacy.example.com").replace("가동률은 81%", "가동률은 82%"),
    );
    expect(report.deletedInMasthead).toEqual([603]);
    expect(await getArticleIdBySlug(t.db, pub, "legacy-briefing")).toBeNull();
    expect(await getArticleIdBySlug(t.db, pub, "open-briefing-wp603")).toBeNull();
  });

  it("imports the same export into another publication on rows of its own, leaving the primary's alone", async () => {
    // A multisite exports one file per site; here the same file goes to a second publication.
    const second = await insertPublication(t.db, { slug: "second", name: "둘째 매체" }, ["second.localhost"]);
    await seedTiers(t.db, second.id);
    const inSecond = cliActor("test", second.id);
    const primaryId = (await getArticleIdBySlug(t.db, pub, "grid-delay"))!;
    const primaryBefore = await getStudioArticle(t.db, pub, primaryId);

    // What the primary imported does not count here: everything is new in this publication.
    const report = await importWxr(t.db, inSecond, fixture("sample"));
    expect(report.pieces).toEqual({ created: 4, updated: 0, unchanged: 0, skipped: 1 });
    const secondId = (await getArticleIdBySlug(t.db, second.id, "grid-delay"))!;
    expect(secondId).not.toBe(primaryId);
    const piece = await getStudioArticle(t.db, second.id, secondId);
    expect(piece).toMatchObject({ title: "송전망이 늦어지는 이유", publicationId: second.id });
    // Its byline, section and tags are the second publication's own rows.
    expect(piece!.authors.map((a) => a.id)).toEqual([(await getAuthorBySlug(t.db, second.id, "minsu"))!.id]);
    expect(piece!.authors[0].id).not.toBe(primaryBefore!.authors[0].id);
    expect(piece!.section?.id).toBe((await getSectionBySlug(t.db, second.id, "energy"))!.id);
    expect(piece!.section?.id).not.toBe(primaryBefore!.section?.id);
    expect(piece!.tags.every((tag) => tag.publicationId === second.id)).toBe(true);
    // Neither studio reaches the other's piece.
    expect(await getStudioArticle(t.db, pub, secondId)).toBeNull();
    expect(await getStudioArticle(t.db, second.id, primaryId)).toBeNull();

    // Each publication's hosts answer the old URLs with its own piece.
    expect(matchLegacyRedirect("/grid-delay/", "", await redirectTable(second.id))).toBe("/articles/grid-delay");
    expect(matchLegacyRedirect("/", "?p=101", await redirectTable(second.id))).toBe("/articles/grid-delay");
    expect(matchLegacyRedirect("/grid-delay/", "", await redirectTable(pub))).toBe("/articles/grid-delay");

    // The primary's piece is exactly as it was; the run is recorded in the second publication.
    expect(await getStudioArticle(t.db, pub, primaryId)).toEqual(primaryBefore);
    expect((await listAudit(t.db, { publicationId: second.id }, 1))[0]).toMatchObject({ action: "import.wxr", publicationId: second.id });
    // And re-importing there changes nothing, as in the primary.
    expect((await importWxr(t.db, inSecond, fixture("sample"))).pieces).toEqual({ created: 0, updated: 0, unchanged: 4, skipped: 1 });
  });
});
