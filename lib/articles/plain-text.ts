// Plain text of a body for search indexes, meta descriptions and emails. Derived from the same
// sanitized HTML readers get, so nothing stripped from the page (scripts, comments) leaks into it.
import sanitizeHtml from "sanitize-html";
import { renderMarkdown } from "./markdown";

// Closing block tags and <br>/<hr>/<img> separate words; inline tags (strong, a, code…) must not,
// or "**bold**er" would become "bold er".
const BLOCK_BOUNDARY = /<(?:br|hr|img)\b[^>]*>|<\/(?:p|h[1-6]|li|blockquote|pre|td|th|tr|figcaption|figure|table|ul|ol)>/gi;

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] !== "#") return NAMED[body.toLowerCase()] ?? whole;
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function toPlainText(markdown: string): string {
  const html = renderMarkdown(markdown).replace(BLOCK_BOUNDARY, "$& ");
  const escapedText = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(escapedText).replace(/\s+/g, " ").trim();
}

// Plain text that keeps paragraphs (a blank line between blocks): the text part of an email.
export function toPlainParagraphs(markdown: string): string {
  const html = renderMarkdown(markdown).replace(BLOCK_BOUNDARY, "$&\n\n");
  const escapedText = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(escapedText)
    .split(/\n{2,}/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * At most `maxChars` user-perceived characters (graphemes, so emoji and decomposed Hangul are never
 * split), ending in "…" when cut. Backs up to a space when one is near the end; text without spaces
 * (Korean, Japanese or Chinese runs, long URLs) is cut at a character boundary instead.
 */
export function excerpt(text: string, maxChars: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  const limit = Math.floor(maxChars);
  const chars = Array.from(graphemes.segment(clean), (s) => s.segment);
  if (chars.length <= limit) return clean;
  if (!(limit >= 1)) return "";

  const room = limit - 1; // one grapheme is kept for the ellipsis
  let head = chars.slice(0, room);
  if (chars[room] !== " ") {
    const lastSpace = head.lastIndexOf(" ");
    // Only back up when it costs little; otherwise a spaceless run would shrink to a stub.
    if (lastSpace >= Math.ceil(room * 0.6)) head = head.slice(0, lastSpace);
  }
  return head.join("").replace(/[\s,.;:!?·、，。]+$/u, "") + "…";
}
