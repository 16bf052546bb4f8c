import { describe, expect, it } from "vitest";
import { PAYWALL_MARKER, splitPreview } from "@/lib/articles/preview";

const lines = (...ls: string[]) => ls.join("\n");

describe("splitPreview with the paywall marker", () => {
  it("cuts at the marker line", () => {
    const body = lines("First.", "", "Second.", "", PAYWALL_MARKER, "", "Secret one.", "", "Secret two.");
    expect(splitPreview(body, 1)).toEqual({ teaser: "First.\n\nSecond.", gated: "Secret one.\n\nSecret two." });
  });

  it("accepts surrounding whitespace and any case", () => {
    const body = lines("Open.", "", "   <!-- PayWall -->  \t", "Secret.");
    expect(splitPreview(body, 5)).toEqual({ teaser: "Open.", gated: "Secret." });
  });

  it("wins over the paragraph count", () => {
    const body = lines("One.", "", "Two.", "", "Three.", "", PAYWALL_MARKER, "", "Four.");
    expect(splitPreview(body, 1).teaser).toBe("One.\n\nTwo.\n\nThree.");
  });

  it("handles the marker directly after a paragraph line (no blank line) and CRLF bodies", () => {
    const body = "Open text\r\n<!-- paywall -->\r\nSecret text\r\n";
    expect(splitPreview(body, 3)).toEqual({ teaser: "Open text", gated: "Secret text" });
  });

  it("gives gated null when nothing follows the marker", () => {
    expect(splitPreview(lines("All open.", "", PAYWALL_MARKER, "", "  "), 1)).toEqual({ teaser: "All open.", gated: null });
  });

  it("ignores a marker inside a fenced or indented code block", () => {
    const body = lines("How to gate:", "", "```md", PAYWALL_MARKER, "```", "", "    " + PAYWALL_MARKER, "", "Para two.", "", "Para three.");
    const { teaser, gated } = splitPreview(body, 2);
    expect(teaser).toBe(lines("How to gate:", "", "```md", PAYWALL_MARKER, "```", "", "    " + PAYWALL_MARKER, "", "Para two."));
    expect(gated).toBe("Para three.");
  });

  it("ignores a marker that is not alone on its line", () => {
    const body = lines("Text <!-- paywall --> inline.", "", "Second.");
    expect(splitPreview(body, 1)).toEqual({ teaser: "Text <!-- paywall --> inline.", gated: "Second." });
  });
});

describe("splitPreview by paragraph count", () => {
  const body = lines("## Heading", "", "Intro paragraph.", "", "- item a", "- item b", "", "Second paragraph.", "", "### Later", "", "Third paragraph.");

  it("includes headings and lists before paragraph N", () => {
    expect(splitPreview(body, 2)).toEqual({
      teaser: lines("## Heading", "", "Intro paragraph.", "", "- item a", "- item b", "", "Second paragraph."),
      gated: lines("### Later", "", "Third paragraph."),
    });
  });

  it("treats N < 1 (and NaN) as 1", () => {
    for (const n of [0, -3, Number.NaN]) expect(splitPreview(body, n).teaser).toBe(lines("## Heading", "", "Intro paragraph."));
  });

  it("never cuts a fenced code block or a list in half", () => {
    const withCode = lines("Intro.", "", "```ts", "const a = 1;", "", "const b = 2;", "```", "", "After code.", "", "Gated.");
    expect(splitPreview(withCode, 2)).toEqual({
      teaser: lines("Intro.", "", "```ts", "const a = 1;", "", "const b = 2;", "```", "", "After code."),
      gated: "Gated.",
    });

    // A loose list's items contain paragraphs, but only top-level paragraphs are counted.
    const looseList = lines("Intro.", "", "- one", "", "  still one", "", "- two", "", "Para two.", "", "Gated.");
    expect(splitPreview(looseList, 2).gated).toBe("Gated.");
  });

  it("returns gated null when the body is shorter than N paragraphs", () => {
    expect(splitPreview(lines("Only.", "", "Two."), 3)).toEqual({ teaser: "Only.\n\nTwo.", gated: null });
    expect(splitPreview("", 3)).toEqual({ teaser: "", gated: null });
  });

  it("gives gated null when only whitespace follows paragraph N", () => {
    expect(splitPreview("One.\n\n\n   \n", 1)).toEqual({ teaser: "One.", gated: null });
  });

  it("carries over only the link definitions the teaser references", () => {
    const refs = lines("Read [the report][r1].", "", "Secret [download][r2].", "", "[r1]: https://example.com/report", "[r2]: https://example.com/secret.pdf");
    const { teaser, gated } = splitPreview(refs, 1);
    expect(teaser).toBe(lines("Read [the report][r1].", "", "[r1]: https://example.com/report"));
    expect(teaser).not.toContain("secret.pdf");
    expect(gated).toContain("[r2]: https://example.com/secret.pdf");
  });

  it("teaser + gated keep all the original blocks", () => {
    const { teaser, gated } = splitPreview(body, 1);
    expect(`${teaser}\n\n${gated}`).toBe(body);
  });
});
