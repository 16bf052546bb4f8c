// The preview cut: which part of a body every tier sees (teaser) and which part only readers with
// access receive (gated). The cut happens on markdown, server-side, before anything is rendered.
import { Lexer, type Token, type Tokens } from "marked";

export const PAYWALL_MARKER = "<!-- paywall -->";

export type PreviewSplit = { teaser: string; gated: string | null };

// Lenient about inner spacing and case; the marker must still be alone on its line.
const MARKER_LINE = /^\s*<!--\s*paywall\s*-->\s*$/i;

const joinRaw = (tokens: readonly Token[]) => tokens.map((t) => t.raw).join("");
const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

// Only top-level html blocks count: a marker shown inside a code fence or indented code in an
// article about the marker itself must not cut the piece.
function splitAtMarker(tokens: readonly Token[]): PreviewSplit | null {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== "html") continue;
    const lines = token.raw.split("\n");
    const at = lines.findIndex((line) => MARKER_LINE.test(line));
    if (at < 0) continue;
    const before = joinRaw(tokens.slice(0, i)) + lines.slice(0, at).join("\n");
    const after = lines.slice(at + 1).join("\n") + joinRaw(tokens.slice(i + 1));
    return { teaser: before.trim(), gated: orNull(after) };
  }
  return null;
}

// Reference-style links in the teaser whose definitions sit further down would render as literal
// "[text][1]"; carry over only the definitions the teaser mentions, so gated URLs stay gated.
function withReferencedDefs(teaser: string, rest: readonly Token[]): string {
  const lower = teaser.toLowerCase();
  const defs = rest.filter((t): t is Tokens.Def => t.type === "def" && lower.includes(`[${t.tag.toLowerCase()}]`));
  return defs.length === 0 ? teaser : `${teaser}\n\n${defs.map((d) => d.raw.trim()).join("\n")}`;
}

/** The split at the body's paywall marker, or null when it has none (the paragraph count applies). */
export function splitAtPaywallMarker(markdown: string): PreviewSplit | null {
  return splitAtMarker(new Lexer({ gfm: true }).lex(markdown.replace(/\r\n?/g, "\n")));
}

export function splitPreview(markdown: string, previewParagraphs: number): PreviewSplit {
  const source = markdown.replace(/\r\n?/g, "\n");
  const tokens = new Lexer({ gfm: true }).lex(source);
  const marked = splitAtMarker(tokens);
  if (marked) return marked;

  const wanted = Math.max(1, Math.floor(Number.isFinite(previewParagraphs) ? previewParagraphs : 1));
  let seen = 0;
  let cut = tokens.length;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type === "paragraph" && ++seen === wanted) {
      cut = i + 1;
      break;
    }
  }
  const rest = tokens.slice(cut);
  const teaser = joinRaw(tokens.slice(0, cut)).trim();
  return { teaser: withReferencedDefs(teaser, rest), gated: orNull(joinRaw(rest)) };
}
