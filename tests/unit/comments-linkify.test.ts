import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommentBody } from "@/app/t/[pub]/[tier]/articles/[slug]/_components/comments-body";
import { normalizeCommentBody } from "@/lib/comments/body";
import { COMMENT_LINK_REL, linkifyComment, safeHref } from "@/lib/comments/linkify";

describe("auto-linking", () => {
  it.each([
    ["a bare URL", "see https://example.com/a?b=1#c", ["see ", { href: "https://example.com/a?b=1#c" }]],
    ["trailing sentence punctuation stays text", "go to https://example.com/x.", ["go to ", { href: "https://example.com/x" }, "."]],
    ["a Korean particle ends the URL", "https://example.com에서 봤어요", [{ href: "https://example.com/" }, "에서 봤어요"]],
    ["balanced parentheses stay in the link", "(https://en.wikipedia.org/wiki/Foo_(bar))", ["(", { href: "https://en.wikipedia.org/wiki/Foo_(bar)" }, ")"]],
    ["upper-case scheme", "HTTP://EXAMPLE.COM", [{ href: "http://example.com/" }]],
  ])("%s", (_name, input, expected) => {
    const segments = linkifyComment(input).map((s) => (s.kind === "text" ? s.text : { href: s.href }));
    expect(segments).toEqual(expected);
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.com/file",
    "//evil.example/path",
    "https://bank.example@evil.example/login",
    "https://user:pw@example.com/",
    "http://localhostish",
    "https://",
  ])("never links %j", (input) => {
    expect(linkifyComment(input).every((s) => s.kind === "text")).toBe(true);
  });

  it("only ever produces http(s) hrefs", () => {
    expect(safeHref("https://example.com")).toBe("https://example.com/");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("http://exa mple.com")).toBeNull();
  });
});

// Every payload must come out as inert text: the only elements are the wrapper div, text spans and
// <a> tags with a fixed rel and an http(s) href; the visible text equals what was written.
const CORPUS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  '"><script>alert(document.cookie)</script>',
  "'><img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">click</a>',
  "[x](javascript:alert(1))",
  'https://example.com/"><script>alert(1)</script>',
  "https://example.com/'onmouseover='alert(1)'",
  "https://example.com/<img/src/onerror=alert(1)>",
  'https://example.com/" onclick="alert(1)',
  "https://example.com/`${alert(1)}`",
  "https://example.com/&quot;onmouseover=&quot;alert(1)",
  "http://example.com/?q=<script>alert(1)</script>",
  "javascript:alert(1)//https://example.com",
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  "<style>*{display:none}</style>",
  '<div style="position:fixed;inset:0">overlay</div>',
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "{{constructor.constructor('alert(1)')()}}",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "\u202Egpj.exe https://example.com/\u202Eevil",
  "a".repeat(1500) + "https://example.com/" + "b".repeat(400),
];

const ALLOWED_TAG = new RegExp(
  `^(?:<div dir="auto" class="[^"<>]*" data-testid="comment-body">|</div>|<span>|</span>|<a href="https?://[^"<>\\s]*" rel="${COMMENT_LINK_REL}" target="_blank" class="[^"<>]*">|</a>)$`,
);
const decode = (html: string) =>
  html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");

describe("rendering a comment body", () => {
  it.each(CORPUS)("renders %j inert", (payload) => {
    const body = normalizeCommentBody(payload);
    const html = renderToStaticMarkup(createElement(CommentBody, { body }));
    const tags = html.match(/<[^>]*>/g) ?? [];
    for (const tag of tags) expect(tag).toMatch(ALLOWED_TAG);
    expect(decode(html.replace(/<[^>]*>/g, ""))).toBe(body);
    expect(html).not.toMatch(/<(?:script|img|svg|iframe|style|math)\b/i);
    for (const tag of tags) expect(tag).not.toMatch(/\son[a-z]+=/i);
  });

  it("puts links in the markup with the fixed rel", () => {
    const html = renderToStaticMarkup(createElement(CommentBody, { body: "read https://example.com/a" }));
    expect(html).toContain(`<a href="https://example.com/a" rel="nofollow ugc noopener" target="_blank"`);
  });
});
