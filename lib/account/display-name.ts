// The name a member shows on their comments. Pure: the account form and the server action both
// validate with it. No URLs (a display name is not an advert) and no control or bidi-override
// characters (they could disguise another member's name or reorder the text around it).

export const DISPLAY_NAME_MAX = 40;

export type DisplayNameError = "empty" | "too_long" | "control" | "url";
export type DisplayNameResult = { ok: true; value: string } | { ok: false; error: DisplayNameError };

// C0/C1 controls, zero-width and bidi controls.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
// A scheme, "www.", or something that looks like a domain name (word.tld, tld of 2+ letters).
const URL_LIKE = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.|[a-z0-9-]+\.(?:[a-z]{2,})(?:[/:?#]|$|\s))/iu;

export function validateDisplayName(input: string): DisplayNameResult {
  const value = input.normalize("NFC").trim().replace(/\s+/gu, " ");
  if (CONTROL.test(input.trim())) return { ok: false, error: "control" };
  if (value.length === 0) return { ok: false, error: "empty" };
  // Counted in code points so a 40-syllable Korean name or an emoji is not cut short.
  if ([...value].length > DISPLAY_NAME_MAX) return { ok: false, error: "too_long" };
  if (URL_LIKE.test(value)) return { ok: false, error: "url" };
  return { ok: true, value };
}

/** What comments show for an author: their display name, else null (the anonymous label). */
export function resolveDisplayName(displayName: string | null | undefined): string | null {
  if (!displayName) return null;
  const checked = validateDisplayName(displayName);
  return checked.ok ? checked.value : null;
}
