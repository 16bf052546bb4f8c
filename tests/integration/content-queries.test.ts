import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLiveArticleBySlug, listLiveArticles, listRelatedArticles, searchLiveArticles } from "@/db/queries/articles";
import { upsertArticle, upsertAuthor, upsertSection, upsertTag } from "@/db/queries/content-writes";
import { getAuthorBySlug, listSections, listTiers } from "@/db/queries/taxonomy";
import { requirePrimaryPublication, seedDemo } from "@/db/seed/seed";
import { demoArticles } from "@/db/seed/demo-content";
import { DATA_GATED_MARKER, DATA_PUBLICATION, dataArticles } from "@/db/seed/data-content";
import { getPublicationBySlug } from "@/db/queries/publications";
import { deriveSearchText } from "@/lib/articles/derive";
import { databaseKinds, openTestDatabase, type TestDatabase } from "./helpers/databases";

const DAY = 86_400_000;

describe.each(databaseKinds())("content queries on %s", (kind) => {
  let t: TestDatabase;
  // The primary publication (made by migration 0010): every piece written here belongs to it.
  let pub = 0;
  const now = new Date("2026-11-28T00:00:00Z");

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await seedDemo(t.db, now);
    pub = await requirePrimaryPublication(t.db);
  });
  afterAll(async () => t?.close());

  it("seeds the demo publication once, with three tiers in rank order", async () => {
    expect(await seedDemo(t.db, now)).toEqual({ seeded: false });
    expect((await listTiers(t.db, pub)).map((x) => [x.slug, x.rank])).toEqual([
      ["free", 0],
      ["supporter", 1],
      ["premium", 2],
    ]);
    const all = await listLiveArticles(t.db, pub, now, {}, 100);
    expect(all.length).toBe(demoArticles.filter((a) => a.publishedDaysAgo >= 0).length);
    expect((await listSections(t.db, pub)).length).toBeGreaterThanOrEqual(3);
  });

  it("loads a piece with its authors in byline order, section and tags", async () => {
    const sample = demoArticles.find((a) => a.authors.length > 1) ?? demoArticles[0];
    const row = await getLiveArticleBySlug(t.db, pub, sample.slug, now);
    expect(row?.authors.map((a) => a.slug)).toEqual(sample.authors);
    expect(row?.section?.slug).toBe(sample.section);
    expect(row?.tags.map((x) => x.slug).sort()).toEqual(sample.tags.map((x) => x.slug).sort());
    expect(await getLiveArticleBySlug(t.db, pub, "no-such-piece", now)).toBeNull();
  });

  it("lists newest first and filters by author, excluding drafts and future pieces", async () => {
    const author = await upsertAuthor(t.db, { publicationId: pub, slug: "it-author", name: "Test Author" });
    const section = await upsertSection(t.db, { publicationId: pub, slug: "it-section", name: "테스트", nameEn: "Test" });
    const base = {
      publicationId: pub,
      body: "본문",
      locale: "ko" as const,
      sectionId: section.id,
      access: "public",
      authorIds: [author.id],
      tagIds: [],
      ...deriveSearchText("본문", 3),
    };
    await upsertArticle(t.db, { ...base, slug: "it-old", title: "old", status: "published", publishAt: new Date(now.getTime() - 2 * DAY) });
    await upsertArticle(t.db, { ...base, slug: "it-new", title: "new", status: "published", publishAt: new Date(now.getTime() - DAY) });
    await upsertArticle(t.db, { ...base, slug: "it-draft", title: "draft", status: "draft", publishAt: new Date(now.getTime() - DAY) });
    await upsertArticle(t.db, { ...base, slug: "it-future", title: "future", status: "scheduled", publishAt: new Date(now.getTime() + 60_000) });
    const found = await getAuthorBySlug(t.db, pub, "it-author");
    const rows = await listLiveArticles(t.db, pub, now, { authorId: found!.id });
    expect(rows.map((r) => r.slug)).toEqual(["it-new", "it-old"]);
    // The scheduled piece goes live at its instant, with no job flipping its status.
    const later = await listLiveArticles(t.db, pub, new Date(now.getTime() + 60_000), { authorId: found!.id });
    expect(later.map((r) => r.slug)).toEqual(["it-future", "it-new", "it-old"]);
    expect(await getLiveArticleBySlug(t.db, pub, "it-draft", now)).toBeNull();
  });

  it("finds related pieces by section or shared tag, never the piece itself", async () => {
    const tag = await upsertTag(t.db, pub, "it-tag", "태그");
    const author = await getAuthorBySlug(t.db, pub, "it-author");
    const base = {
      publicationId: pub,
      body: "x",
      locale: "en" as const,
      access: "public",
      status: "published" as const,
      authorIds: [author!.id],
      ...deriveSearchText("x", 3),
    };
    await upsertArticle(t.db, { ...base, slug: "it-rel-a", title: "a", publishAt: new Date(now.getTime() - DAY), tagIds: [tag.id] });
    await upsertArticle(t.db, { ...base, slug: "it-rel-b", title: "b", publishAt: new Date(now.getTime() - DAY), tagIds: [tag.id] });
    const a = await getLiveArticleBySlug(t.db, pub, "it-rel-a", now);
    const related = await listRelatedArticles(t.db, a!, now, 5);
    expect(related.map((r) => r.slug)).toContain("it-rel-b");
    expect(related.map((r) => r.slug)).not.toContain("it-rel-a");
  });

  it("searches Korean words inside longer words, English words, and treats metacharacters literally", async () => {
    const ko = await searchLiveArticles(t.db, pub, ["반도체"], now);
    expect(ko.length).toBeGreaterThan(0);
    const en = await searchLiveArticles(t.db, pub, ["semiconductor"], now);
    expect(en.length).toBeGreaterThan(0);
    for (const q of ["%", "_", "'; drop table articles; --", ".*", "\\", "(", "[a-z]+"]) {
      await expect(searchLiveArticles(t.db, pub, [q], now)).resolves.toBeInstanceOf(Array);
    }
    expect(await searchLiveArticles(t.db, pub, ["'; drop table articles; --"], now)).toEqual([]);
    // LIKE metacharacters are literal: a bare "%" or "_" only finds text that contains one.
    for (const meta of ["%", "_"]) {
      for (const row of await searchLiveArticles(t.db, pub, [meta], now)) {
        expect(`${row.title} ${row.dek.join(" ")} ${row.fullText}`).toContain(meta);
      }
    }
    expect((await listLiveArticles(t.db, pub, now, {}, 1)).length).toBe(1);
  });

  it("also matches the names and slugs of a piece's tags", async () => {
    const text = demoArticles.map((a) => `${a.title} ${a.dek.join(" ")} ${a.body}`.toLowerCase()).join("\n");
    const live = demoArticles.filter((a) => a.publishedDaysAgo >= 0);
    // A tag slug that appears in no piece's text: only the tag can match it.
    const tag = live.flatMap((a) => a.tags).find((x) => !text.includes(x.slug));
    expect(tag, "a tag slug absent from every text").toBeTruthy();
    const expected = live
      .filter((a) => a.tags.some((x) => x.slug === tag!.slug))
      .map((a) => a.slug)
      .sort();
    expect((await searchLiveArticles(t.db, pub, [tag!.slug], now)).map((r) => r.slug).sort()).toEqual(expected);
    expect((await searchLiveArticles(t.db, pub, [tag!.name.toLowerCase()], now)).map((r) => r.slug)).toEqual(expect.arrayContaining(expected));
    // Every term must still match somewhere: a tag and a word found nowhere give nothing.
    expect(await searchLiveArticles(t.db, pub, [tag!.slug, "zzqx-nowhere"], now)).toEqual([]);
  });

  it("keeps each publication's pieces to itself: lists, lookups and search of the primary never show data's", async () => {
    const data = (await getPublicationBySlug(t.db, DATA_PUBLICATION.slug))!;
    const dataSlugs = dataArticles.map((a) => a.slug);
    expect((await listLiveArticles(t.db, data.id, now, {}, 100)).map((r) => r.slug).sort()).toEqual([...dataSlugs].sort());
    expect((await listLiveArticles(t.db, pub, now, {}, 100)).map((r) => r.slug)).not.toContain(dataSlugs[0]);
    expect(await getLiveArticleBySlug(t.db, pub, dataSlugs[0], now)).toBeNull();
    expect((await getLiveArticleBySlug(t.db, data.id, dataSlugs[0], now))?.publicationId).toBe(data.id);
    // A phrase only a data piece contains is found in data, and nowhere in the primary.
    expect((await searchLiveArticles(t.db, data.id, [DATA_GATED_MARKER], now)).map((r) => r.publicationId)).toEqual([data.id]);
    expect(await searchLiveArticles(t.db, pub, [DATA_GATED_MARKER], now)).toEqual([]);
  });
});
