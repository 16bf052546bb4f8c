import { describe, expect, it } from "vitest";
import { checkCommentBody, commentLength, MAX_COMMENT_LENGTH, normalizeCommentBody } from "@/lib/comments/body";

describe("comment body normalisation", () => {
  it.each([
    ["trims and folds CRLF", "  hello\r\nworld \r\n", "hello\nworld"],
    ["keeps paragraphs but collapses towers of blank lines", "a\n\n\n\n\nb", "a\n\nb"],
    ["removes zero-width spaces, BOM and word joiners", "in\u200Bvis\uFEFFible\u2060", "invisible"],
    ["removes bidi overrides and isolates (Trojan Source)", "abc\u202Eevil\u202C \u2067x\u2069 \u200Fy\u200E", "abcevil x y"],
    ["removes control characters but keeps tabs and newlines", "a\u0000b\u0007c\td\ne\u009B", "abc\td\ne"],
    ["removes Hangul fillers used for blank-looking text", "\u3164\uFFA0안녕", "안녕"],
    ["keeps ZWJ inside emoji sequences", "family 👨\u200D👩\u200D👧", "family 👨\u200D👩\u200D👧"],
    ["keeps ZWNJ between Persian letters", "می\u200Cخواهم", "می\u200Cخواهم"],
    ["drops stray joiners at word edges", "\u200Dhello\u200C \u200C\u200Dworld", "hello world"],
    ["composes to NFC (Hangul jamo)", "\u1112\u1161\u11AB", "한"],
    ["caps stacked combining marks (Zalgo)", `e${"\u0301".repeat(30)}`, `\u00E9${"\u0301".repeat(4)}`],
    ["leaves Korean, Arabic and Hebrew text alone", "안녕하세요 مرحبا שלום", "안녕하세요 مرحبا שלום"],
  ])("%s", (_name, input, expected) => {
    expect(normalizeCommentBody(input)).toBe(expected);
  });

  it("is idempotent", () => {
    const messy = " \u200B a\u202E\r\n\r\n\r\n\u200Db\u0301\u0301\u0301\u0301\u0301\u0301 ";
    const once = normalizeCommentBody(messy);
    expect(normalizeCommentBody(once)).toBe(once);
  });
});

describe("comment body validation", () => {
  it.each([
    ["", "empty"],
    ["   \n\t  ", "empty"],
    ["\u200B\u200B\u2066\u2069\uFEFF", "empty"],
    ["\u3164", "empty"],
  ])("rejects %j as empty", (input, error) => {
    expect(checkCommentBody(input)).toMatchObject({ ok: false, error });
  });

  it("accepts exactly the limit and rejects one more, counting code points", () => {
    expect(checkCommentBody("가".repeat(MAX_COMMENT_LENGTH))).toMatchObject({ ok: true });
    expect(checkCommentBody("가".repeat(MAX_COMMENT_LENGTH + 1))).toMatchObject({ ok: false, error: "too_long", length: MAX_COMMENT_LENGTH + 1 });
    // An emoji is two UTF-16 units but one character to a reader.
    expect(commentLength("😀".repeat(10))).toBe(10);
    expect(checkCommentBody("😀".repeat(MAX_COMMENT_LENGTH))).toMatchObject({ ok: true });
  });

  it("measures the length after normalisation", () => {
    const padded = `${"a".repeat(MAX_COMMENT_LENGTH)}${"\u200B".repeat(50)}`;
    expect(checkCommentBody(padded)).toEqual({ ok: true, body: "a".repeat(MAX_COMMENT_LENGTH) });
  });
});
