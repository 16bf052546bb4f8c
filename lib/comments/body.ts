// Comment bodies: plain text, normalised once on input so what is stored is what is shown.
// Pure; the same rules run on the server (authoritative) and in the form (early feedback).

export const MAX_COMMENT_LENGTH = 2000;
// Combining marks stacked beyond this ("Zalgo" text) only serve to spill over other lines.
const MAX_COMBINING_RUN = 4;

// Invisible characters with no legitimate use in a comment: zero-width space, word joiner and
// invisible operators, BOM, soft hyphen, combining grapheme joiner, Mongolian vowel separator and
// the Hangul fillers often used to fake blank names or bodies.
const INVISIBLE = /[\u200B\u2060-\u2064\uFEFF\u00AD\u034F\u180E\u3164\uFFA0]/g;
// Bidi embeddings, overrides, isolates and marks: they can reorder the text around a comment
// ("Trojan Source" style). Direction is handled by CSS (unicode-bidi: plaintext) instead.
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
// C0/C1 controls except tab and newline (CR is folded into newlines first).
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// ZWJ/ZWNJ are kept only between two visible characters (emoji sequences, Persian, Indic
// scripts); anywhere else they are invisible padding.
const STRAY_JOINERS = /(^|[\s\u200C\u200D])[\u200C\u200D]+|[\u200C\u200D]+(?=$|\s)/gu;
const LONG_MARK_RUN = new RegExp(`(\\p{M}{${MAX_COMBINING_RUN}})\\p{M}+`, "gu");

export function normalizeCommentBody(input: string): string {
  let text = input.normalize("NFC").replace(/\r\n?/g, "\n");
  text = text.replace(INVISIBLE, "").replace(BIDI_CONTROLS, "").replace(CONTROLS, "");
  // Twice: removing one stray run can expose the next (e.g. "\u200D\u200C ").
  text = text.replace(STRAY_JOINERS, "$1").replace(STRAY_JOINERS, "$1");
  text = text.replace(LONG_MARK_RUN, "$1");
  text = text
    .split("\n")
    .map((line) => line.replace(/[\t ]+$/u, ""))
    .join("\n");
  // Keep paragraphs, but no towers of blank lines.
  return text.replace(/\n{3,}/g, "\n\n").trim();
}

/** Length as a reader counts it: code points, so an emoji or a Hangul syllable is one. */
export function commentLength(text: string): number {
  let n = 0;
  for (const ch of text) if (ch) n++;
  return n;
}

export type BodyCheck = { ok: true; body: string } | { ok: false; error: "empty" | "too_long"; length: number };

export function checkCommentBody(input: string): BodyCheck {
  const body = normalizeCommentBody(input);
  const length = commentLength(body);
  if (length === 0) return { ok: false, error: "empty", length };
  if (length > MAX_COMMENT_LENGTH) return { ok: false, error: "too_long", length };
  return { ok: true, body };
}
