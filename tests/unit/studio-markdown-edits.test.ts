import { describe, expect, it } from "vitest";
import { splitPreview } from "@/lib/articles/preview";
import { imageMarkdown, insertBlock, insertLink, insertPaywallMarker, prefixLines, wrapSelection, type EditState } from "@/lib/studio/markdown-edits";

// "|" marks the caret, "[…]" would be ambiguous with Markdown, so selections are given as offsets.
const at = (text: string, start: number, end = start): EditState => ({ text, start, end });
const selected = (s: EditState) => s.text.slice(s.start, s.end);
// An edit's resulting text and what it leaves selected, compared together.
const result = (s: EditState) => ({ text: s.text, selected: selected(s) });

describe("wrapSelection", () => {
  it("wraps the selected word and keeps it selected", () => {
    expect(result(wrapSelection(at("say hello now", 4, 9), "**", "굵게"))).toEqual({ text: "say **hello** now", selected: "hello" });
  });
  it("inserts a selected placeholder at a bare caret", () => {
    expect(result(wrapSelection(at("ab", 1), "*", "기울임"))).toEqual({ text: "a*기울임*b", selected: "기울임" });
  });
  it("a second click on the same selection unwraps it", () => {
    const once = wrapSelection(at("x hello y", 2, 7), "**", "");
    expect(result(wrapSelection(once, "**", ""))).toEqual({ text: "x hello y", selected: "hello" });
  });
  it("clamps a selection past the end instead of throwing", () => {
    expect(wrapSelection(at("ab", 5, 9), "**", "p").text).toBe("ab**p**");
  });
});

describe("prefixLines", () => {
  it("prefixes every line the selection touches, even partly", () => {
    const text = "one\ntwo\nthree";
    const out = prefixLines(at(text, 1, 5), "> ");
    expect(out.text).toBe("> one\n> two\nthree");
  });
  it("removes the prefix when every touched line already has it", () => {
    expect(prefixLines(at("- a\n- b", 0, 7), "- ").text).toBe("a\nb");
  });
  it("turns the caret's line into a heading", () => {
    expect(prefixLines(at("intro\ntitle\nrest", 8), "## ").text).toBe("intro\n## title\nrest");
  });
});

describe("insertLink and images", () => {
  it("links the selection and selects its text", () => {
    expect(result(insertLink(at("see docs here", 4, 8), "https://ex.com/a b", "링크"))).toEqual({
      text: "see [docs](https://ex.com/a%20b) here",
      selected: "docs",
    });
  });
  it("escapes brackets so a label cannot close the link early", () => {
    expect(insertLink(at("", 0), "/x", "a]b").text).toBe("[a\\]b](/x)");
    expect(imageMarkdown("chart [1]\n2024", "/api/admin/uploads/a.png")).toBe("![chart \\[1\\] 2024](/api/admin/uploads/a.png)");
  });
  it("puts a block on its own paragraph at the caret", () => {
    const out = insertBlock(at("first para\nsecond line", 10), "![a](/i.png)");
    expect(out.text).toBe("first para\n\n![a](/i.png)\n\nsecond line");
    expect(out.text.slice(0, out.start)).toBe("first para\n\n![a](/i.png)");
  });
});

describe("insertPaywallMarker", () => {
  const body = "P1\n\nP2\n\nP3\n\nP4";
  it("the marker decides where the teaser ends", () => {
    const out = insertPaywallMarker(at(body, body.indexOf("P3")));
    expect(splitPreview(out.text, 1)).toEqual({ teaser: "P1\n\nP2", gated: "P3\n\nP4" });
  });
  it("moves an existing marker instead of adding a second", () => {
    const first = insertPaywallMarker(at(body, body.indexOf("P2")));
    const moved = insertPaywallMarker({ ...first, start: first.text.indexOf("P4"), end: first.text.indexOf("P4") });
    expect(moved.text.match(/paywall/g)).toHaveLength(1);
    expect(splitPreview(moved.text, 1)).toEqual({ teaser: "P1\n\nP2\n\nP3", gated: "P4" });
  });
  it("inserted mid-paragraph still lands alone on its line (a marker inside a paragraph would not cut)", () => {
    const out = insertPaywallMarker(at("one two", 3));
    expect(out.text).toBe("one\n\n<!-- paywall -->\n\ntwo");
    expect(splitPreview(out.text, 5)).toEqual({ teaser: "one", gated: "two" });
  });
});
