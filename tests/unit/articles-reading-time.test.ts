import { describe, expect, it } from "vitest";
import { HANGUL_CHARS_PER_MINUTE, readingMinutes, WORDS_PER_MINUTE } from "@/lib/articles/reading-time";

const words = (n: number) => Array.from({ length: n }, () => "word").join(" ");
const hangul = (n: number) => "가".repeat(n);

describe("readingMinutes", () => {
  it("is 0 for an empty body and at least 1 for any text", () => {
    expect(readingMinutes("")).toBe(0);
    expect(readingMinutes("  \n ")).toBe(0);
    expect(readingMinutes("Hello")).toBe(1);
    expect(readingMinutes("안녕")).toBe(1);
  });

  it("counts English by words", () => {
    expect(readingMinutes(words(WORDS_PER_MINUTE * 5))).toBe(5);
    expect(readingMinutes(words(WORDS_PER_MINUTE * 5 + WORDS_PER_MINUTE / 2 + 1))).toBe(6);
  });

  it("counts Korean by characters, not by the spaces between eojeol", () => {
    expect(readingMinutes(hangul(HANGUL_CHARS_PER_MINUTE * 4))).toBe(4);
    // The same characters split into many short words take the same time.
    const spaced = Array.from({ length: HANGUL_CHARS_PER_MINUTE * 2 }, () => "가나").join(" ");
    expect(readingMinutes(spaced)).toBe(4);
  });

  it("adds Korean characters and English words in mixed text", () => {
    const text = `${hangul(HANGUL_CHARS_PER_MINUTE * 2)} ${words(WORDS_PER_MINUTE * 3)}`;
    expect(readingMinutes(text)).toBe(5);
  });

  it("ignores punctuation-only tokens", () => {
    expect(readingMinutes(`${words(WORDS_PER_MINUTE)} — … !! ?`)).toBe(1);
  });
});
