import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { conditionalTextResponse, etagFor, matchesIfNoneMatch } from "@/lib/seo/conditional";
import { toFeedEntry } from "@/lib/seo/feed-entries";
import { buildRss, RSS_CONTENT_TYPE, type FeedChannel } from "@/lib/seo/rss";
import { cdata, escapeXml } from "@/lib/seo/xml";
import { BASE, feedPiece, GATED_TEXT, NOW, TIERS } from "./seo-fixtures";

const channel: FeedChannel = { base: BASE, title: "마스트헤드", description: "깊이 읽는 연구와 뉴스", link: "/", selfPath: "/feed.xml", language: "ko" };

type Item = Record<string, unknown> & { title: string; link: string; description: string; "content:encoded": string };

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({
    ignoreAttributes: false,
    cdataPropName: false,
    isArray: (name) => name === "item" || name === "category" || name === "dc:creator",
  }).parse(xml);
  return doc.rss.channel as { title: string; item?: Item[]; "atom:link": Record<string, string>; lastBuildDate?: string };
}

describe("toFeedEntry", () => {
  it("carries only the teaser of a gated piece, and says it is gated", () => {
    const entry = toFeedEntry(feedPiece(), TIERS, NOW);
    expect(entry.gated).toBe(true);
    expect(entry.contentHtml).toContain("첫 문단은 모두가 읽는다.");
    expect(entry.contentHtml).not.toContain(GATED_TEXT);
    expect(entry.contentHtml).not.toContain("chart.png");
    expect(JSON.stringify(entry)).not.toContain(GATED_TEXT);
  });

  it("cuts a gated piece without a marker after its preview paragraphs", () => {
    const body = `하나.\n\n둘.\n\n${GATED_TEXT}`;
    const entry = toFeedEntry(feedPiece({ body, previewParagraphs: 2, access: "free" }), TIERS, NOW);
    expect(entry.gated).toBe(true);
    expect(JSON.stringify(entry)).not.toContain(GATED_TEXT);
  });

  it("carries the full text of a public piece", () => {
    const entry = toFeedEntry(feedPiece({ access: "public" }), TIERS, NOW);
    expect(entry.gated).toBe(false);
    expect(entry.contentHtml).toContain(GATED_TEXT);
  });

  it("carries the full text once a time-based unlock has passed, and only the teaser one ms before", () => {
    const unlockAt = new Date(NOW.getTime() + 1);
    expect(toFeedEntry(feedPiece({ unlockAt }), TIERS, NOW).contentHtml).not.toContain(GATED_TEXT);
    expect(toFeedEntry(feedPiece({ unlockAt }), TIERS, unlockAt).contentHtml).toContain(GATED_TEXT);
  });

  it("summarises from the dek, else from the visible text only", () => {
    expect(toFeedEntry(feedPiece(), TIERS, NOW).summary).toBe("재정준칙 논의가 다시 시작됐다.");
    const noDek = toFeedEntry(feedPiece({ dek: [] }), TIERS, NOW);
    expect(noDek.summary).toBe("첫 문단은 모두가 읽는다. 두 번째 문단도 미리보기다.");
  });

  it("lists the section and tags as categories, in the piece's language", () => {
    expect(toFeedEntry(feedPiece(), TIERS, NOW).categories).toEqual(["경제", "재정"]);
    expect(toFeedEntry(feedPiece({ locale: "en" }), TIERS, NOW).categories).toEqual(["Economy", "재정"]);
  });
});

describe("feed teasers name the tier", () => {
  it.each([
    ["premium", "ko", "이 기사의 나머지는 프리미엄 회원에게 공개됩니다."],
    ["premium", "en", "The rest of this piece is for Premium members."],
    ["supporter", "ko", "이 기사의 나머지는 후원 회원에게 공개됩니다."],
    ["free", "ko", "이 기사의 나머지는 회원에게 공개됩니다."],
    ["free", "en", "The rest of this piece is for members."],
  ] as const)("access %s in %s", (access, locale, text) => {
    const xml = buildRss(channel, [toFeedEntry(feedPiece({ access, locale }), TIERS, NOW)]);
    expect(xml).toContain(text);
  });
});

describe("buildRss", () => {
  it("is well-formed RSS 2.0 with Korean text, absolute links and a self link", () => {
    const xml = buildRss(channel, [toFeedEntry(feedPiece({ access: "public", slug: "open" }), TIERS, NOW), toFeedEntry(feedPiece(), TIERS, NOW)]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const ch = parse(xml);
    expect(ch.title).toBe("마스트헤드");
    expect(ch["atom:link"]["@_href"]).toBe(`${BASE}/feed.xml`);
    expect(ch.lastBuildDate).toBe("Tue, 02 Dec 2025 09:00:00 GMT");
    const [open, gated] = ch.item!;
    expect(open.link).toBe(`${BASE}/articles/open`);
    expect(open.guid).toMatchObject({ "#text": `${BASE}/articles/open`, "@_isPermaLink": "true" });
    expect(open.pubDate).toBe("Mon, 01 Dec 2025 09:00:00 GMT");
    expect(open["dc:creator"]).toEqual(["한지우"]);
    expect(open.category).toEqual(["경제", "재정"]);
    // Root-relative images and links in bodies become absolute.
    expect(open["content:encoded"]).toContain(`src="${BASE}/images/chart.png"`);
    expect(open["content:encoded"]).toContain(`src="${BASE}/images/hero/fiscal-rule.jpg"`);
    expect(open["content:encoded"]).toContain(GATED_TEXT);
    expect(gated["content:encoded"]).not.toContain(GATED_TEXT);
    // The teaser names the tier that reads the rest, not just "members".
    expect(gated["content:encoded"]).toContain(`<a href="${BASE}/articles/fiscal-rule">이 기사의 나머지는 프리미엄 회원에게 공개됩니다.`);
    expect(xml.split(GATED_TEXT)).toHaveLength(2);
  });

  it("escapes markup in text fields and splits ]]> inside HTML content", () => {
    const entry = toFeedEntry(
      feedPiece({ access: "public", title: `R&D <b>"세액공제"</b> ]]> 'x'`, dek: ["a < b && c > d"], body: "코드 `]]>` 와 <script>alert(1)</script> 끝" }),
      TIERS,
      NOW,
    );
    const xml = buildRss({ ...channel, title: "A & B <C>" }, [entry]);
    const ch = parse(xml);
    expect(ch.title).toBe("A & B <C>");
    const [item] = ch.item!;
    expect(item.title).toBe(`R&D <b>"세액공제"</b> ]]> 'x'`);
    expect(item.description).toBe("a < b && c > d");
    expect(item["content:encoded"]).toContain("<code>]]&gt;</code>");
    expect(item["content:encoded"]).not.toContain("<script");
  });

  it("drops characters XML 1.0 forbids instead of producing an unparseable document", () => {
    const xml = buildRss(channel, [toFeedEntry(feedPiece({ access: "public", title: "제목\u0001\u0008\uFFFF끝", body: "본문\u000B" }), TIERS, NOW)]);
    const [item] = parse(xml).item!;
    expect(item.title).toBe("제목끝");
  });

  it("is deterministic for the same entries (stable ETag) and valid when empty", () => {
    const entries = [toFeedEntry(feedPiece(), TIERS, NOW)];
    expect(buildRss(channel, entries)).toBe(buildRss(channel, entries));
    const empty = parse(buildRss(channel, []));
    expect(empty.item).toBeUndefined();
    expect(empty.lastBuildDate).toBeUndefined();
  });
});

describe("xml helpers", () => {
  it.each([
    ["plain", "plain"],
    [`<a href="x">'&'</a>`, "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;"],
    ["한국어 ✓ 😀", "한국어 ✓ 😀"],
    ["lone \uD800 surrogate", "lone  surrogate"],
  ])("escapeXml(%j)", (input, expected) => expect(escapeXml(input)).toBe(expected));

  it("cdata never lets ]]> close the section early", () => {
    const wrapped = cdata("a ]]> b ]]]]> c");
    expect(XMLValidator.validate(`<x>${wrapped}</x>`)).toBe(true);
    const parsed = new XMLParser().parse(`<x>${wrapped}</x>`);
    expect(parsed.x).toBe("a ]]> b ]]]]> c");
  });
});

describe("conditional responses", () => {
  const opts = { contentType: RSS_CONTENT_TYPE, cacheControl: "public, max-age=300" };

  it("answers 200 with the body, content type, ETag and cache headers", async () => {
    const res = conditionalTextResponse(new Request("https://x/feed.xml"), "<rss/>", opts);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(res.headers.get("etag")).toBe(etagFor("<rss/>"));
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await res.text()).toBe("<rss/>");
  });

  it("answers 304 without a body when If-None-Match holds the current ETag (weak or in a list)", async () => {
    const etag = etagFor("<rss/>");
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const res = conditionalTextResponse(new Request("https://x/feed.xml", { headers: { "If-None-Match": header } }), "<rss/>", opts);
      expect(res.status, header).toBe(304);
      expect(res.headers.get("etag")).toBe(etag);
      expect(await res.text()).toBe("");
    }
  });

  it("answers 200 for a stale ETag", () => {
    expect(matchesIfNoneMatch(etagFor("old"), etagFor("new"))).toBe(false);
    expect(matchesIfNoneMatch(null, etagFor("new"))).toBe(false);
    expect(etagFor("a")).not.toBe(etagFor("b"));
  });
});
