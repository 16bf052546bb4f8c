// Safe auto-linking for plain-text comments. The output is a list of segments, not HTML: the UI
// renders text segments as escaped text and link segments as <a> with a fixed rel, so nothing a
// commenter types can become markup, an attribute or a script URL.

export type CommentSegment = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

export const COMMENT_LINK_REL = "nofollow ugc noopener";

// Only ASCII URL characters: a Korean particle or CJK punctuation right after a URL ends it
// ("https://example.com에서"), and quotes/angle brackets can never be part of one.
const URL_CANDIDATE = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gi;
// Sentence punctuation after a URL belongs to the sentence, not the link.
const TRAILING_PUNCTUATION = /[.,;:!?'"*]+$/;

function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING_PUNCTUATION, "");
    // A closing bracket is kept only when it closes one opened inside the URL (Wikipedia links).
    const last = url.at(-1);
    const pairs: Record<string, string> = { ")": "(", "]": "[" };
    if (last && pairs[last]) {
      const opens = url.split(pairs[last]).length - 1;
      const closes = url.split(last).length - 1;
      if (closes > opens) url = url.slice(0, -1);
    }
    if (url === before) return url;
  }
}

/** The href for a candidate, or null when it must stay text (credentials, no real host). */
export function safeHref(candidate: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  // "https://bank.example@evil.example" is a phishing classic: such URLs stay plain text.
  if (parsed.username || parsed.password) return null;
  if (!parsed.hostname.includes(".") && parsed.hostname !== "localhost") return null;
  return parsed.href;
}

export function linkifyComment(body: string): CommentSegment[] {
  const segments: CommentSegment[] = [];
  let cursor = 0;
  const pushText = (text: string) => {
    if (!text) return;
    const prev = segments.at(-1);
    if (prev?.kind === "text") prev.text += text;
    else segments.push({ kind: "text", text });
  };
  for (const match of body.matchAll(URL_CANDIDATE)) {
    const start = match.index ?? 0;
    const text = trimUrl(match[0]);
    const href = safeHref(text);
    pushText(body.slice(cursor, start));
    if (href) segments.push({ kind: "link", text, href });
    else pushText(text);
    cursor = start + text.length;
  }
  pushText(body.slice(cursor));
  return segments;
}
