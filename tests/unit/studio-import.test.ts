import { describe, expect, it } from "vitest";
import { parseArgs } from "@/lib/studio/cli/args";
import { matchLegacyRedirect, normalizeLegacyPath } from "@/lib/import/redirects";
import { autop, resolveShortcodes, wpHtmlToMarkdown } from "@/lib/import/wp-content";
import { splitPreview } from "@/lib/articles/preview";

describe("legacy URL normalisation", () => {
  it.each([
    ["/2024/03/Grid-Delay/", "", "/2024/03/grid-delay"],
    ["/%EB%B0%98%EB%8F%84%EC%B2%B4/", "", "/반도체"],
    ["/", "?p=123&utm_source=x", "/?p=123"],
    ["/index.php", "?page_id=7", "/?page_id=7"],
    ["/", "?s=search", null],
    ["/", "", null],
    ["/%E0%A4%A", "", null],
  ])("%s%s → %s", (path, search, want) => expect(normalizeLegacyPath(path, search)).toBe(want));

  it("never redirects Masthead's own paths", () => {
    const table = new Map([
      ["/pricing", "/articles/x"],
      ["/articles/a", "/articles/b"],
      ["/old", "/articles/new"],
    ]);
    expect(matchLegacyRedirect("/pricing", "", table)).toBeNull();
    expect(matchLegacyRedirect("/articles/a", "", table)).toBeNull();
    expect(matchLegacyRedirect("/old/", "", table)).toBe("/articles/new");
  });
});

describe("WordPress content", () => {
  it("resolves captions, embeds and unknown shortcodes", () => {
    const out = resolveShortcodes('[caption id="a"]<img src="x.jpg" alt="A"> 설명[/caption][embed]https://y.test/v[/embed][gallery ids="1,2"][note]안[/note]');
    expect(out).toContain('<img src="x.jpg" alt="A">');
    expect(out).toContain("<em>설명</em>");
    expect(out).toContain('href="https://y.test/v"');
    expect(out).not.toMatch(/\[|\]/);
    expect(out).toContain("안");
  });
  it("makes WordPress's implicit paragraphs explicit", () => {
    expect(autop("하나\n둘\n\n셋")).toBe("<p>하나<br>\n둘</p>\n<p>셋</p>");
  });
  it("turns <!--more--> into the paywall cut", () => {
    const md = wpHtmlToMarkdown("<p>공개</p><!--more--><p>유료</p>");
    expect(splitPreview(md, 3)).toEqual({ teaser: "공개", gated: "유료" });
  });
});

describe("CLI args", () => {
  it("parses positionals and flags", () => {
    expect(parseArgs(["a@b.c", "premium", "--days", "7", "--note=x y", "--lifetime"])).toEqual({
      positionals: ["a@b.c", "premium"],
      flags: { days: "7", note: "x y", lifetime: true },
    });
  });

  it("switches never take the next word as their value", () => {
    expect(parseArgs(["--dry-run", "members.csv", "--skip-invalid", "--map", "gold=premium"])).toEqual({
      positionals: ["members.csv"],
      flags: { "dry-run": true, "skip-invalid": true, map: "gold=premium" },
    });
    expect(parseArgs(["--fix=true", "--lifetime=no", "--help=1"]).flags).toEqual({ fix: true, help: true });
    expect(() => parseArgs(["--dry-run=maybe"])).toThrow(/--dry-run is a switch/);
  });
});
