import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PAYWALL_MARKER, splitPreview } from "@/lib/articles/preview";
import { bodyCut, placeCut, textKey } from "@/lib/import/paywall-cut";
import { importedPiece } from "./helpers/fixtures";
import { fingerprint, legacyFingerprint, mergeUpdate, sameValues, UNKNOWN, type PieceValues } from "@/lib/import/wxr-merge";

const M = PAYWALL_MARKER;
const piece = (over: Partial<PieceValues> = {}) => importedPiece({ body: `${M}\n\n첫 문단.\n\n둘째 문단.\n\n셋째 문단.`, ...over });

describe("paywall cut", () => {
  it("separates a body into its text and the marker's position", () => {
    expect(bodyCut(`가\n\n나\n\n${M}\n\n다`)).toEqual({ text: "가\n\n나\n\n다", at: 2 });
    expect(bodyCut(`${M}\n\n가`)).toEqual({ text: "가", at: 0 });
    expect(bodyCut("가\n\n나")).toEqual({ text: "가\n\n나", at: null });
    // A marker shown in a code block is not a cut.
    expect(bodyCut("```\n<!-- paywall -->\n```").at).toBeNull();
  });

  it("places a marker after N blocks, at the end when there are fewer", () => {
    expect(placeCut("가\n\n나\n\n다", 1)).toBe(`가\n\n${M}\n\n나\n\n다`);
    expect(placeCut("가\n\n나", 0)).toBe(`${M}\n\n가\n\n나`);
    expect(placeCut("가\n\n나", 9)).toBe(`가\n\n나\n\n${M}`);
    expect(placeCut("가", null)).toBe("가");
    expect(splitPreview(placeCut("# 제목\n\n- a\n- b\n\n본문", 2), 3)).toEqual({ teaser: "# 제목\n\n- a\n- b", gated: "본문" });
  });

  it("round-trips any body: same text, same position", () => {
    const block = fc.constantFrom(
      "문단 하나.",
      "## 제목",
      "- 항목\n- 항목",
      "> 인용",
      "```\ncode\n```",
      "![그림](/a.png)",
      "[링크][1]\n\n[1]: https://x.test",
      "문단\n- 바로 이어진 목록",
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 0, maxLength: 8 }), fc.integer({ min: 0, max: 10 }), (blocks, at) => {
        const text = blocks.join("\n\n");
        const body = placeCut(text, at);
        const cut = bodyCut(body);
        expect(textKey(cut.text)).toBe(textKey(text));
        expect(placeCut(cut.text, cut.at)).toBe(body);
      }),
      { seed: 20261205, numRuns: 300 },
    );
  });
});

describe("re-import merge", () => {
  const first = piece();
  const last = fingerprint(first);

  it("takes every field the editor left alone", () => {
    const next = piece({ title: "노트 (수정)", body: `${M}\n\n첫 문단 고침.`, access: "premium", status: "draft", publishAt: null, tagIds: [7] });
    expect(mergeUpdate(first, last, next)).toEqual({ values: next, written: fingerprint(next), kept: [], conflicts: [] });
  });

  it("keeps what the editor changed; a conflict only where WordPress changed it too", () => {
    const edited = piece({ access: "supporter", unlockAt: new Date("2030-01-01T00:00:00Z"), status: "draft", previewParagraphs: 2, tagIds: [6, 5] });
    const next = piece({ title: "새 제목", access: "premium" });
    const { values, kept, conflicts, written } = mergeUpdate(edited, last, next);
    expect(values).toEqual({ ...next, access: "supporter", unlockAt: edited.unlockAt, status: "draft", previewParagraphs: 2 });
    expect(kept).toEqual(["publication", "access", "previewParagraphs"]);
    expect(conflicts).toEqual(["access"]);
    // The editor's fields keep their old fingerprint: they stay the editor's on the next run.
    expect(written.access).toBe(last.access);
    expect(written.title).toBe(fingerprint(next).title);
    // Tag order is not an edit.
    expect(kept).not.toContain("tags");
  });

  it("moves WordPress's new text under the editor's paywall position", () => {
    const edited = piece({ body: `첫 문단.\n\n${M}\n\n둘째 문단.\n\n셋째 문단.` });
    const next = piece({ body: `${M}\n\n첫 문단.\n\n둘째 문단 고침.\n\n셋째 문단.` });
    const { values, kept, conflicts } = mergeUpdate(edited, last, next);
    expect(values.body).toBe(`첫 문단.\n\n${M}\n\n둘째 문단 고침.\n\n셋째 문단.`);
    expect([kept, conflicts]).toEqual([["paywall"], []]);
  });

  it("gates the editor's text where WordPress moved the cut and the editor did not", () => {
    const open = piece({ body: "첫 문단.\n\n둘째 문단." });
    const edited = piece({ body: "첫 문단.\n\n둘째 문단.\n\n편집자 문단." });
    const next = piece({ body: `${M}\n\n첫 문단.\n\n둘째 문단.` });
    const { values, kept } = mergeUpdate(edited, fingerprint(open), next);
    expect(values.body).toBe(`${M}\n\n첫 문단.\n\n둘째 문단.\n\n편집자 문단.`);
    expect(kept).toEqual(["body"]);
  });

  it("never drops an editor's text: both changed → Masthead's body stays, reported", () => {
    const edited = piece({ body: `${M}\n\n첫 문단. 편집자가 고침.` });
    const next = piece({ body: `${M}\n\n첫 문단. WordPress가 고침.` });
    const { values, kept, conflicts } = mergeUpdate(edited, last, next);
    expect(values.body).toBe(edited.body);
    expect([kept, conflicts]).toEqual([["body"], ["body"]]);
  });

  it("leaves a piece alone when every change in the file is one the editor overrode", () => {
    const edited = piece({ access: "supporter" });
    const { values } = mergeUpdate(edited, last, piece({ access: "premium" }));
    expect(sameValues(values, edited)).toBe(true);
    expect(sameValues(piece({ tagIds: [6, 5] }), piece())).toBe(true);
    expect(sameValues(piece({ body: `${first.body}\n` }), piece())).toBe(false);
  });

  it("treats values both sides agree on as the importer's again", () => {
    const edited = piece({ title: "같은 제목" });
    const { kept, written } = mergeUpdate(edited, last, piece({ title: "같은 제목" }));
    expect(kept).toEqual([]);
    expect(written.title).toBe(fingerprint(edited).title);
  });

  it("for rows written before fingerprints: knows only the public/3-paragraph constants", () => {
    const legacyRow = piece({ access: "public", body: "첫 문단.\n\n둘째 문단.", title: "편집자 제목?" });
    const legacy = legacyFingerprint(legacyRow, null);
    expect(legacy.title).toBe(UNKNOWN);
    const next = piece({ title: "WordPress 제목", body: `${M}\n\n첫 문단.\n\n둘째 문단 고침.` });
    const { values, kept, conflicts, written } = mergeUpdate(legacyRow, legacy, next);
    // Gated as the file says (access was the importer's constant), cut applied to the kept text.
    expect(values).toMatchObject({ access: "free", title: "편집자 제목?", body: `${M}\n\n첫 문단.\n\n둘째 문단.` });
    expect(kept).toEqual(["title", "body"]);
    expect(conflicts).toEqual(["title", "body"]);
    // From now on the kept values are the baseline.
    expect(written.title).toBe(fingerprint(legacyRow).title);
    // An editor's non-constant access on a legacy row stays.
    expect(mergeUpdate(piece({ access: "premium" }), legacyFingerprint(piece({ access: "premium" }), null), next).values.access).toBe("premium");
  });
});
