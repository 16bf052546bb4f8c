import { describe, expect, it } from "vitest";
import { excerpt, toPlainText } from "@/lib/articles/plain-text";

describe("toPlainText", () => {
  it.each([
    ["strips markup and collapses whitespace", "# 제목\n\n**굵은** 글씨와 *기울임*.\n\n- 하나\n- 둘", "제목 굵은 글씨와 기울임. 하나 둘"],
    ["keeps inline runs joined", "**굵**은 글자, un**believ**able", "굵은 글자, unbelievable"],
    ["separates block boundaries and line breaks", "줄 하나  \n줄 둘\n\n> 인용\n\n---\n\n끝", "줄 하나 줄 둘 인용 끝"],
    ["decodes entities", "Tom &amp; Jerry &copy; 2025 &#8212; \"quoted\" & 'single' &lt;b&gt;", "Tom & Jerry © 2025 — \"quoted\" & 'single' <b>"],
    ["includes link text but not URLs", "[기사 보기](https://ex.com/a) 그리고 `code`", "기사 보기 그리고 code"],
    ["drops scripts, styles and comments", "앞<script>alert(1)</script>\n\n<style>p{}</style>\n\n<!-- paywall -->\n\n뒤", "앞 뒤"],
    ["table cells do not run together", "| 이름 | 값 |\n|-|-|\n| 가 | 1 |", "이름 값 가 1"],
    ["empty body", "", ""],
  ])("%s", (_name, md, expected) => expect(toPlainText(md)).toBe(expected));
});

describe("excerpt", () => {
  it("returns short text unchanged (after collapsing whitespace)", () => {
    expect(excerpt("  짧은   글  ", 10)).toBe("짧은 글");
    expect(excerpt("exactly10!", 10)).toBe("exactly10!");
  });

  it("cuts English at a word boundary and stays within maxChars", () => {
    const out = excerpt("The quick brown fox jumps over the lazy dog", 20);
    expect(out).toBe("The quick brown fox…");
    expect(out.length).toBeLessThanOrEqual(20);
  });

  it("cuts Korean with spaces at a word (eojeol) boundary", () => {
    expect(excerpt("안녕하세요 여러분 오늘은 날씨가 좋습니다", 10)).toBe("안녕하세요 여러분…");
  });

  it("cuts Korean without spaces at a character boundary", () => {
    const out = excerpt("안녕하세요여러분오늘은날씨가좋습니다", 10);
    expect(out).toBe("안녕하세요여러분오…");
    expect([...out]).toHaveLength(10);
  });

  it("does not back up to a far-away space in a long spaceless run", () => {
    expect(excerpt("요약: 가나다라마바사아자차카타파하가나다라마바사", 12)).toBe("요약: 가나다라마바사…");
  });

  it("drops trailing punctuation before the ellipsis", () => {
    expect(excerpt("First sentence. Second sentence here", 17)).toBe("First sentence…");
  });

  it("never splits an emoji or decomposed Hangul", () => {
    const family = "👨‍👩‍👧";
    expect(excerpt(`${family}${family}${family}`, 2)).toBe(`${family}…`);
    const nfd = "한국어".normalize("NFD");
    expect(excerpt(nfd + nfd, 3)).toBe("한국".normalize("NFD") + "…");
  });

  it("handles tiny limits", () => {
    expect(excerpt("가나다", 1)).toBe("…");
    expect(excerpt("가나다", 0)).toBe("");
  });
});
