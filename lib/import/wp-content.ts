import TurndownService from "turndown";
import { PAYWALL_MARKER } from "@/lib/articles/preview";

// WordPress post HTML → the Markdown bodies Masthead stores. Shortcodes are resolved first (they
// are not HTML), WordPress's implicit paragraphs (wpautop) made explicit, and the `<!--more-->`
// teaser cut becomes the paywall marker. The Markdown is sanitized again when rendered.

const CUT = "MASTHEADPAYWALLCUT7f1";
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const attr = (attrs: string, name: string) => new RegExp(`${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(attrs)?.[1] ?? null;
const link = (url: string) => `<p><a href="${esc(url)}">${esc(url)}</a></p>`;

export function resolveShortcodes(html: string): string {
  return (
    html
      .replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_m, _a: string, inner: string) => {
        const img = /<img[^>]*>/i.exec(inner)?.[0] ?? "";
        const caption = inner.replace(/<a[^>]*>\s*<img[^>]*>\s*<\/a>|<img[^>]*>/i, "").trim();
        return `<p>${img}</p>${caption ? `<p><em>${caption}</em></p>` : ""}`;
      })
      .replace(/\[embed[^\]]*\]([\s\S]*?)\[\/embed\]/gi, (_m, url: string) => link(url.trim()))
      .replace(/\[(?:youtube|vimeo)\s+([^\]\s]+)[^\]]*\]/gi, (_m, url: string) => link(url.replace(/^url=/, "").replace(/["']/g, "")))
      .replace(/\[(?:video|audio)([^\]]*)\](?:[\s\S]*?\[\/(?:video|audio)\])?/gi, (_m, attrs: string) => {
        const src = attr(attrs, "src") ?? attr(attrs, "mp4") ?? attr(attrs, "mp3");
        return src ? link(src) : "";
      })
      .replace(/\[gallery[^\]]*\]/gi, "")
      // Any other shortcode: keep what it wraps, drop the tags themselves.
      .replace(/\[\/?[a-z][a-z0-9_-]*(?:\s[^\]]*)?\]/gi, "")
  );
}

const BLOCK = /^<\/?(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|img|iframe)[\s>/]/i;

// WordPress stores most posts without <p>: a blank line separates paragraphs, a newline breaks.
export function autop(html: string): string {
  return html
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`))
    .join("\n");
}

function converter(): TurndownService {
  const td = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-", emDelimiter: "*" });
  td.remove(["script", "style", "noscript"]);
  td.addRule("iframe-embed", {
    filter: "iframe",
    replacement: (_c, node) => {
      const src = (node as { getAttribute(n: string): string | null }).getAttribute("src");
      return src ? `\n\n[${src}](${src})\n\n` : "";
    },
  });
  return td;
}

let td: TurndownService | null = null;

// `moreCut: false` drops the `<!--more-->` tag instead: a password-protected post showed nothing
// before it either, so its teaser cut is placed by the planner (lib/import/wxr-plan.ts).
export function wpHtmlToMarkdown(html: string, { moreCut = true }: { moreCut?: boolean } = {}): string {
  td ??= converter();
  const prepared = autop(resolveShortcodes(html.replace(/<!--\s*more\b[^>]*-->/i, moreCut ? `\n\n<p>${CUT}</p>\n\n` : "\n\n")));
  const md = td.turndown(prepared);
  return md
    .split("\n")
    .map((line) => (line.trim() === CUT ? PAYWALL_MARKER : line))
    .join("\n")
    .replace(/^[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function plainExcerpt(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 500);
}
