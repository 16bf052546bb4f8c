// Pure text edits behind the studio's Markdown toolbar. Each takes the body and the textarea's
// selection and returns the new body with the selection to restore, so the editor component only
// wires buttons to these and they are unit-tested without a browser.
import { PAYWALL_MARKER } from "@/lib/articles/preview";

export type EditState = { text: string; start: number; end: number };

const clamp = (s: EditState): EditState => {
  const start = Math.max(0, Math.min(s.start, s.text.length));
  return { text: s.text, start, end: Math.max(start, Math.min(s.end, s.text.length)) };
};

/** Wraps the selection in `mark` (e.g. `**`); with nothing selected, inserts a selected placeholder. */
export function wrapSelection(state: EditState, mark: string, placeholder: string): EditState {
  const { text, start, end } = clamp(state);
  const selected = text.slice(start, end);
  // Toggle off when the selection is already wrapped, so a second click undoes the first.
  if (selected && text.slice(start - mark.length, start) === mark && text.slice(end, end + mark.length) === mark) {
    return { text: text.slice(0, start - mark.length) + selected + text.slice(end + mark.length), start: start - mark.length, end: end - mark.length };
  }
  const inner = selected || placeholder;
  return { text: text.slice(0, start) + mark + inner + mark + text.slice(end), start: start + mark.length, end: start + mark.length + inner.length };
}

/** Puts `prefix` (`## `, `> `, `- `) before every line the selection touches; removes it if all have it. */
export function prefixLines(state: EditState, prefix: string): EditState {
  const { text, start, end } = clamp(state);
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const nextBreak = text.indexOf("\n", end > start && text[end - 1] === "\n" ? end - 1 : end);
  const lineEnd = nextBreak < 0 ? text.length : nextBreak;
  const lines = text.slice(lineStart, lineEnd).split("\n");
  const all = lines.every((l) => l.startsWith(prefix));
  const changed = lines.map((l) => (all ? l.slice(prefix.length) : l.startsWith(prefix) ? l : prefix + l)).join("\n");
  const block = text.slice(0, lineStart) + changed + text.slice(lineEnd);
  return { text: block, start: lineStart, end: lineStart + changed.length };
}

// Brackets and backslashes in link text or image alt would end the Markdown construct early.
const escapeLabel = (s: string) => s.replace(/[\\[\]]/g, (c) => `\\${c}`);
// Spaces and parentheses in a URL would end the destination; percent-encode them.
const escapeUrl = (s: string) => s.trim().replace(/[\s()<>]/g, (c) => encodeURIComponent(c));

/** `[selection](url)`; selects the link text so it can be typed over. */
export function insertLink(state: EditState, url: string, placeholder: string): EditState {
  const { text, start, end } = clamp(state);
  const label = escapeLabel(text.slice(start, end) || placeholder);
  const link = `[${label}](${escapeUrl(url)})`;
  return { text: text.slice(0, start) + link + text.slice(end), start: start + 1, end: start + 1 + label.length };
}

/** Inserts `block` as a paragraph of its own at the cursor (blank lines around it), caret after it. */
export function insertBlock(state: EditState, block: string): EditState {
  const { text, start, end } = clamp(state);
  const before = text.slice(0, start).replace(/\s*$/, "");
  const after = text.slice(end).replace(/^\s*/, "");
  const head = before ? `${before}\n\n` : "";
  const tail = after ? `\n\n${after}` : "\n";
  const caret = head.length + block.length;
  return { text: head + block + tail, start: caret, end: caret };
}

export function imageMarkdown(alt: string, url: string): string {
  return `![${escapeLabel(alt.replace(/\s+/g, " ").trim())}](${escapeUrl(url)})`;
}

const MARKER_LINE = /^[ \t]*<!--\s*paywall\s*-->[ \t]*$/gim;

/** Moves the paywall marker to the cursor: a body has one cut, so any earlier marker line goes. */
export function insertPaywallMarker(state: EditState): EditState {
  const { text, start, end } = clamp(state);
  const strip = (s: string) => s.replace(MARKER_LINE, "").replace(/\n{3,}/g, "\n\n");
  const before = strip(text.slice(0, start));
  const after = strip(text.slice(end));
  return insertBlock({ text: before + after, start: before.length, end: before.length }, PAYWALL_MARKER);
}
