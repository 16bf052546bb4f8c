import { describe, expect, it } from "vitest";
import { pieceFieldsFromForm } from "@/lib/studio/piece-form";
import { pieceFieldsSchema } from "@/lib/studio/piece-input";

// The studio editor's form and the Admin API share one schema: what the form posts must parse
// into the same fields an API client would send.
function form(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

const base: [string, string][] = [
  ["title", "  연금 개혁의 산수  "],
  ["body", "첫 문단\r\n\r\n둘째 문단"],
  ["access", "premium"],
  ["status", "draft"],
  ["dek", "한 줄 요약\r\n\r\n  두 번째 줄 "],
  ["tags", "연금, 재정,\n  , 세대"],
  ["authorSlugs", "kim-minji"],
  ["authorSlugs", ""],
  ["previewParagraphs", "2"],
  ["heroImage", ""],
  ["seoTitle", "   "],
  ["unlockAt", "2026-12-31T15:00:00.000Z"],
];

describe("studio piece form → schema fields", () => {
  it("normalises the form's text into the schema's shapes", () => {
    const parsed = pieceFieldsSchema.parse(pieceFieldsFromForm(form(base)));
    expect(parsed.title).toBe("연금 개혁의 산수");
    expect(parsed.body).toBe("첫 문단\n\n둘째 문단");
    expect(parsed.dek).toEqual(["한 줄 요약", "두 번째 줄"]);
    expect(parsed.tags).toEqual(["연금", "재정", "세대"]);
    expect(parsed.authorSlugs).toEqual(["kim-minji"]);
    expect(parsed.previewParagraphs).toBe(2);
    expect(parsed.heroImage).toBeNull();
    expect(parsed.seoTitle).toBeNull();
    expect(parsed.unlockAt).toEqual(new Date("2026-12-31T15:00:00.000Z"));
    expect(parsed.slug).toBeUndefined();
  });

  it("leaves the newsletter unchanged unless its checkbox was in the form", () => {
    expect(pieceFieldsFromForm(form(base)).newsletter).toBeUndefined();
    expect(pieceFieldsFromForm(form([...base, ["newsletterField", "1"]])).newsletter).toBe(false);
    expect(pieceFieldsFromForm(form([...base, ["newsletterField", "1"], ["newsletter", "on"]])).newsletter).toBe(true);
  });

  it("lets the schema refuse what the form cannot fix", () => {
    const blank = pieceFieldsSchema.safeParse(pieceFieldsFromForm(form([["title", "   "], ...base.slice(1)])));
    expect(blank.success).toBe(false);
    const offsite = pieceFieldsSchema.safeParse(
      pieceFieldsFromForm(form([...base.filter(([k]) => k !== "heroImage"), ["heroImage", "https://evil.example/x.png"]])),
    );
    expect(offsite.success).toBe(false);
  });
});
