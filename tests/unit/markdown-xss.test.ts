import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/articles/markdown";

// Markdown bodies may embed raw HTML; every payload below must come out inert.
const PAYLOADS: string[] = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<scr<script>ipt>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<img src="x" onerror="alert(1)"//',
  "<img src=`x` onerror=alert(1)>",
  '<img src="javascript:alert(1)">',
  '<img srcset="javascript:alert(1)" src="/ok.png">',
  '<img src="https://ok.example/x.png" style="x" onload="alert(1)">',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](<javascript:alert(1)>)",
  "[x](&#106;avascript:alert(1))",
  "![x](javascript:alert(1))",
  "[x][r]\n\n[r]: javascript:alert(1)",
  '<a href="javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  '<a href="jav\u0000ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
  '<a href="&#x6A;avascript:alert(1)">x</a>',
  '<a href=" &#14; javascript:alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  "[x](data:text/html,<script>alert(1)</script>)",
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  '<a href="https://ok.example" onclick="alert(1)" target="_blank">ok</a>',
  '<a href="//evil.example/">x</a>',
  '<a href="/\\evil.example">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  "<style>body{background:url(javascript:alert(1))}</style>",
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<div style="width: expression(alert(1))">x</div>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<details open ontoggle=alert(1)>",
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="//evil.example/x.css">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  "<body onload=alert(1)>",
  "<input autofocus onfocus=alert(1)>",
  "<video><source onerror=alert(1)></video>",
  "<textarea><img src=x onerror=alert(1)></textarea>",
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<blockquote cite="javascript:alert(1)">x</blockquote>',
  "<!--<img src=x onerror=alert(1)>-->",
  "<template><img src=x onerror=alert(1)></template>",
];

const ALLOWED_ATTRS: Record<string, string[]> = {
  a: ["href", "rel"],
  img: ["src", "alt", "title", "loading"],
  th: ["align"],
  td: ["align"],
  code: ["class"],
  ol: ["start"],
};
// Written out here on purpose, not imported: an independent oracle fails when a tag is added to
// the sanitizer's allowlist without this test being told.
const ALLOWED_TAGS = new Set(
  "p h2 h3 h4 strong em del code pre blockquote ul ol li a img hr br table thead tbody tr th td figure figcaption sup sub".split(" "),
);

// sanitize-html serialises attributes as name="value" with quotes escaped, so this parse is exact.
function tagsOf(html: string) {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: m[1].toLowerCase(),
    attrs: [...m[2].matchAll(/([^\s=]+)(?:="([^"]*)")?/g)].map((a) => ({ name: a[1].toLowerCase(), value: a[2] ?? "" })),
  }));
}

const decode = (v: string) =>
  v
    .replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&colon;/gi, ":")
    .replace(/&amp;/g, "&");
const squash = (v: string) =>
  decode(v)
    .replace(/[\u0000-\u0020]/g, "")
    .toLowerCase();

describe("renderMarkdown XSS corpus", () => {
  it("has a substantial corpus", () => expect(PAYLOADS.length).toBeGreaterThanOrEqual(30));

  it.each(PAYLOADS.map((p) => [p]))("neutralises %s", (payload) => {
    const html = renderMarkdown(payload);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(
      /<\/?(style|iframe|svg|math|base|meta|link|form|button|input|object|embed|details|template|textarea|noscript|body|video|source)\b/i,
    );
    expect(html).not.toMatch(/<!--/);
    for (const tag of tagsOf(html)) {
      expect(ALLOWED_TAGS.has(tag.name), `tag <${tag.name}>`).toBe(true);
      for (const attr of tag.attrs) {
        expect(attr.name).not.toMatch(/^on/);
        expect(["style", "srcdoc", "srcset", "formaction", "xlink:href", "background", "cite"]).not.toContain(attr.name);
        expect(ALLOWED_ATTRS[tag.name] ?? [], `<${tag.name} ${attr.name}>`).toContain(attr.name);
        if (attr.name === "href" || attr.name === "src") {
          expect(squash(attr.value)).not.toMatch(/^(javascript|data|vbscript):/);
          expect(squash(attr.value)).toMatch(/^(https?:|mailto:|\/(?![/\\])|#)/);
        }
      }
    }
  });
});

describe("renderMarkdown allowed output", () => {
  it("maps h1 to h2 and keeps h2–h4", () => {
    expect(renderMarkdown("# A\n\n## B\n\n#### D")).toBe("<h2>A</h2>\n<h2>B</h2>\n<h4>D</h4>\n");
  });

  it("keeps safe links with rel and no target", () => {
    const html = renderMarkdown("[a](https://ex.com/x?y=1&z=2) [b](/articles/x) [c](#notes) [d](mailto:ed@ex.com)");
    const hrefs = { a: "https://ex.com/x?y=1&amp;z=2", b: "/articles/x", c: "#notes", d: "mailto:ed@ex.com" };
    for (const [text, href] of Object.entries(hrefs)) expect(html).toContain(`<a href="${href}" rel="noopener noreferrer">${text}</a>`);
    expect(html).not.toContain("target");
  });

  it("drops bare relative hrefs but keeps the link text", () => {
    expect(renderMarkdown("[x](other-page)")).toBe('<p><a rel="noopener noreferrer">x</a></p>\n');
  });

  it("keeps images lazily loaded and drops ones with refused sources", () => {
    expect(renderMarkdown('![Alt](https://cdn.ex.com/a.png "T")')).toBe('<p><img alt="Alt" title="T" src="https://cdn.ex.com/a.png" loading="lazy" /></p>\n');
    expect(renderMarkdown("![a](/uploads/a.png)")).toContain('src="/uploads/a.png"');
    expect(renderMarkdown("![a](http://x/a.png) ![b](data:image/png;base64,AAAA)")).not.toContain("data:");
  });

  it("keeps tables, code language classes, figures, sup/sub and removes comments", () => {
    const html = renderMarkdown(
      '| a | b |\n|:-|-:|\n| 1 | 2 |\n\n```ts\nconst a = 1 < 2;\n```\n\n<figure><img src="/a.png" alt=""><figcaption>Cap</figcaption></figure>\n\nH<sub>2</sub>O x<sup>2</sup>\n\n<!-- paywall -->',
    );
    expect(html).toContain('<th align="left">a</th>');
    expect(html).toContain('<pre><code class="language-ts">const a = 1 &lt; 2;\n</code></pre>');
    expect(html).toContain("<figcaption>Cap</figcaption>");
    expect(html).toContain("H<sub>2</sub>O x<sup>2</sup>");
    expect(html).not.toContain("paywall");
  });

  it("strips classes other than language-*", () => {
    expect(renderMarkdown('<code class="evil language-js">x</code>')).toContain('<code class="language-js">x</code>');
  });
});
