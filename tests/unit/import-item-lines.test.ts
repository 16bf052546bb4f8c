import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { itemLines } from "@/lib/import/wxr-parse";

// The line of every <item> start, as a reader of the file counts them (1-based).
const reference = (xml: string) => [...xml.matchAll(/<item[\s>]/g)].map((m) => xml.slice(0, m.index).split("\n").length);

describe("itemLines", () => {
  it("gives the 1-based line of each <item>, not of <items> or other tags", () => {
    const xml = "<item>a</item>\n<items/>\n\n  <item id='x'>\r\n<b>\n</b></item>\n<item\n>";
    expect(itemLines(xml)).toEqual([1, 4, 7]);
  });

  it("has none for a file without items", () => {
    expect(itemLines("<rss>\n<channel/>\n</rss>")).toEqual([]);
  });

  it("agrees with counting newlines from the start for any mix of text, newlines and items", () => {
    const part = fc.constantFrom("<item>", "<item x='1'>", "</item>", "<items>", "\n", "\r\n", "text", "한국어", "<");
    fc.assert(
      fc.property(fc.array(part, { maxLength: 60 }), (parts) => {
        const xml = parts.join("");
        expect(itemLines(xml)).toEqual(reference(xml));
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });
});
