import { describe, expect, it } from "vitest";
import type { GrantLike, TierRef } from "@/lib/access";
import { explainAccess, type ExplainPiece } from "@/lib/studio/explain";
import { resolvePresetEnd } from "@/lib/studio/grant-presets";
import { effectiveStatus } from "@/lib/studio/piece-status";
import { isValidSlug, latinSlug, slugify, taxonomySlug } from "@/lib/studio/slug";
import { previewForTiers } from "@/lib/studio/tier-preview";

const tiers: TierRef[] = [
  { slug: "free", name: "무료", rank: 0, canComment: false },
  { slug: "supporter", name: "후원", rank: 1, canComment: false },
  { slug: "premium", name: "프리미엄", rank: 2, canComment: true },
];
const now = new Date("2026-11-28T00:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);
const DAY = 86_400_000;

describe("slugs", () => {
  it.each([
    ["Chip Export Rules", "chip-export-rules"],
    ["  Crème brûlée's rise!  ", "creme-brulees-rise"],
    ["AI 규제 2026", "ai-gyuje-2026"],
    ["UX 설계", "ux-seolgye"],
    ["반도체 보조금", "bandoche-bojogeum"],
    ["한국어 학습", "hangugeo-hakseup"],
    ["서울 일러스트", "seoul-illeoseuteu"],
  ])("%s → %s", (title, slug) => expect(slugify(title)).toBe(slug));
  it("Korean titles are romanized into valid, readable slugs", () => {
    for (const title of ["전력망", "값싼 닭고기", "읽기 쉬운 주소", "꽃잎"]) expect(isValidSlug(slugify(title)), title).toBe(true);
    // Syllable by syllable: no nasal assimilation (the standard's 전력망 is jeollyeongmang).
    expect(slugify("전력망")).toBe("jeonryeokmang");
  });
  it("titles with neither Latin nor Hangul letters get a stable hash slug", () => {
    expect(slugify("中國 經濟")).toMatch(/^piece-[0-9a-f]{8}$/);
    expect(slugify("中國 經濟")).toBe(slugify("中國 經濟"));
    expect(slugify("中國 經濟")).not.toBe(slugify("日本"));
  });
  it("the WordPress import keeps its Latin-only slugs (re-imports propose the same slugs)", () => {
    expect(latinSlug("반도체 보조금")).toMatch(/^piece-[0-9a-f]{8}$/);
    expect(latinSlug("AI 규제 2026")).toBe("ai-2026");
  });
  it("validates article slugs like the proxy does", () => {
    for (const ok of ["a1", "chip-rules", "x".repeat(200)]) expect(isValidSlug(ok)).toBe(true);
    for (const bad of ["", "-a", "A", "a_b", "한글", "a-", "a b", "x".repeat(201)]) expect(isValidSlug(bad)).toBe(false);
  });
  it("taxonomy slugs keep Korean letters but no URL-hostile characters", () => {
    expect(taxonomySlug("반도체 정책/규제?")).toBe("반도체-정책-규제");
  });
});

describe("grant presets", () => {
  it.each([
    ["7d", at(7 * DAY)],
    ["30d", at(30 * DAY)],
    ["90d", at(90 * DAY)],
    ["1y", new Date("2027-11-28T00:00:00Z")],
    ["lifetime", null],
  ] as const)("%s", (preset, end) => expect(resolvePresetEnd(preset, now, null)).toEqual(end));
  it("custom needs an end after the start", () => {
    expect(resolvePresetEnd("custom", now, at(1))).toEqual(at(1));
    expect(() => resolvePresetEnd("custom", now, null)).toThrow();
    expect(() => resolvePresetEnd("custom", now, now)).toThrow();
  });
  it("a year from 29 Feb is a calendar year", () => {
    expect(resolvePresetEnd("1y", new Date("2028-02-29T09:00:00Z"), null)?.toISOString()).toBe("2029-03-01T09:00:00.000Z");
  });
});

describe("effective status", () => {
  it.each([
    ["draft", at(-1), "draft"],
    ["scheduled", at(1), "scheduled"],
    ["scheduled", now, "published"],
    ["published", at(-1), "published"],
    ["published", null, "scheduled"],
  ] as const)("%s at %s → %s", (status, publishAt, want) => expect(effectiveStatus({ status, publishAt }, now)).toBe(want));
});

describe("tier preview", () => {
  const body = "teaser one\n\n<!-- paywall -->\n\nGATED";
  it("shows each cache tier what its render will show", () => {
    const out = previewForTiers({ body, access: "supporter", unlockAt: null, previewParagraphs: 3 }, tiers, now);
    expect(out.map((p) => [p.tier, p.readable, p.html.includes("GATED")])).toEqual([
      ["anon", false, false],
      ["free", false, false],
      ["supporter", true, true],
      ["premium", true, true],
    ]);
  });
  it("an unlocked piece is whole for everyone", () => {
    const out = previewForTiers({ body, access: "premium", unlockAt: at(-1), previewParagraphs: 3 }, tiers, now);
    expect(out.every((p) => p.readable && p.html.includes("GATED"))).toBe(true);
  });
});

describe("access explainer", () => {
  const piece: ExplainPiece = { slug: "p", access: "premium", unlockAt: null, live: true, publishAt: at(-DAY) };
  const grant = (tierSlug: string, start: number, end: number | null, extra: Partial<GrantLike> = {}): GrantLike => ({
    id: 7,
    tierSlug,
    startsAt: at(start),
    endsAt: end === null ? null : at(end),
    revokedAt: null,
    source: "comp",
    ...extra,
  });

  it("names the grant, the instant it ends and the cache tier", () => {
    const e = explainAccess({ piece, grants: [grant("premium", -DAY, 20_000)], tiers, now });
    expect(e).toMatchObject({ canRead: true, cacheTier: "premium" });
    expect(e.changesAt).toEqual(at(20_000));
    expect(e.reasons.join(" ")).toContain("#7");
  });
  it("just after the grant ends the member falls back to free and cannot read", () => {
    const e = explainAccess({ piece, grants: [grant("premium", -DAY, 20_000)], tiers, now: at(20_000) });
    expect(e).toMatchObject({ canRead: false, cacheTier: "free" });
  });
  it("a later grant or the unlock says when reading becomes possible", () => {
    expect(explainAccess({ piece, grants: [grant("premium", DAY, 2 * DAY)], tiers, now }).readableFrom).toEqual(at(DAY));
    expect(explainAccess({ piece: { ...piece, unlockAt: at(3_000) }, grants: [], tiers, now }).readableFrom).toEqual(at(3_000));
  });
  it("a lower tier or a revoked grant does not read; an unpublished piece is never readable", () => {
    expect(explainAccess({ piece, grants: [grant("supporter", -DAY, DAY)], tiers, now }).canRead).toBe(false);
    expect(explainAccess({ piece, grants: [grant("premium", -DAY, DAY, { revokedAt: at(-1) })], tiers, now }).canRead).toBe(false);
    expect(explainAccess({ piece: { ...piece, live: false }, grants: [grant("premium", -DAY, DAY)], tiers, now }).canRead).toBe(false);
  });
});

describe("access explainer clock", () => {
  it("prints instants on the publication's clock with its zone, never UTC or AM/PM", () => {
    const piece: ExplainPiece = { slug: "p", access: "premium", unlockAt: null, live: true, publishAt: at(-DAY) };
    const grants: GrantLike[] = [{ id: 7, tierSlug: "premium", startsAt: at(-DAY), endsAt: new Date("2026-12-06T05:05:00Z"), revokedAt: null, source: "comp" }];
    const text = explainAccess({ piece, grants, tiers, now }).reasons.join(" ");
    expect(text).toContain("2026-12-06 14:05 KST");
    expect(text).not.toMatch(/UTC|AM|PM|오전|오후/);
    expect(explainAccess({ piece, grants, tiers, now, timeZone: "UTC" }).reasons.join(" ")).toContain("2026-12-06 05:05 UTC");
  });
});
