import { Lexer, type Token } from "marked";
import { PAYWALL_MARKER, splitAtPaywallMarker } from "@/lib/articles/preview";

// A body seen as two things a re-import merges separately (lib/import/wxr-merge.ts): its text, and
// where its paywall marker sits. An editor who only moves the marker must still receive
// WordPress's later corrections to the text, and keep the marker where they put it.

// `at`: the marker follows the first `at` top-level blocks of the text; null: no marker (the
// piece's preview paragraph count decides the cut).
export type BodyCut = { text: string; at: number | null };

const lex = (markdown: string): Token[] => new Lexer({ gfm: true }).lex(markdown.replace(/\r\n?/g, "\n"));
const blocks = (tokens: readonly Token[]) => tokens.filter((t) => t.type !== "space");

// The same marker the reader's preview cut uses (only the first top-level one counts there too).
export function bodyCut(body: string): BodyCut {
  const split = splitAtPaywallMarker(body);
  if (!split) return { text: body.trim(), at: null };
  return { text: [split.teaser, split.gated ?? ""].filter(Boolean).join("\n\n"), at: blocks(lex(split.teaser)).length };
}

// The inverse of bodyCut: the text with a marker after `at` blocks (at the end when the text has
// fewer — what the editor chose to show stays shown).
export function placeCut(text: string, at: number | null): string {
  if (at === null) return text;
  const tokens = lex(text);
  let i = 0;
  for (let seen = 0; i < tokens.length && seen < at; i++) if (tokens[i].type !== "space") seen++;
  const raw = (part: readonly Token[]) =>
    part
      .map((t) => t.raw)
      .join("")
      .trim();
  return [raw(tokens.slice(0, i)), PAYWALL_MARKER, raw(tokens.slice(i))].filter(Boolean).join("\n\n");
}

// Texts that differ only in the blank lines between blocks (which placing a marker changes) are
// the same text.
export function textKey(text: string): string {
  return blocks(lex(text))
    .map((t) => t.raw.trim())
    .join("\n\n");
}
