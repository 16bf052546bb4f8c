// Pure parsing of reader search input. Any string is acceptable input: it is normalised,
// bounded and split into literal terms (never patterns), so metacharacters are just text.
export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 8;

export type ParsedQuery = { text: string; terms: string[]; truncated: boolean };

export function parseSearchQuery(raw: string | string[] | undefined): ParsedQuery {
  const input = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  // Drop control and zero-width characters that would make a term unmatchable.
  const cleaned = input.normalize("NFC").replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, " ");
  const truncated = cleaned.length > MAX_QUERY_CHARS;
  const text = cleaned.slice(0, MAX_QUERY_CHARS).replace(/\s+/g, " ").trim();
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const word of text.split(" ")) {
    const term = word.toLowerCase();
    if (!term || seen.has(term)) continue;
    seen.add(term);
    terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return { text, terms, truncated };
}

export function matchesAllTerms(haystack: string, terms: string[]): boolean {
  const lower = haystack.toLowerCase();
  return terms.every((t) => lower.includes(t));
}

// A short window of text around the first matching term, cut on character boundaries so Korean
// (often without spaces) reads cleanly.
export function snippetAround(text: string, terms: string[], radius = 70): string {
  const lower = text.toLowerCase();
  const hits = terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0);
  const at = hits.length ? Math.min(...hits) : 0;
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + radius * 2);
  return `${start > 0 ? "…" : ""}${text.slice(start, end).trim()}${end < text.length ? "…" : ""}`;
}
