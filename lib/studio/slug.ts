import { createHash } from "node:crypto";
import { romanizeKorean } from "./romanize";

// Article slugs are ASCII kebab-case (the proxy refuses anything else, lib/routing/paths.ts).
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,199}$/;

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug) && !slug.endsWith("-");
}

// Latin titles keep their words and Korean ones are romanized (lib/studio/romanize.ts explains
// the choice); a title with neither (e.g. only Chinese characters) gets a stable short hash.
export function slugify(text: string, fallbackPrefix = "piece"): string {
  return asciiSlug(romanizeKorean(text), text, fallbackPrefix);
}

// The slug of the Latin letters and digits alone, as before romanization: the WordPress import
// keeps using it so re-importing an old export proposes the slugs it proposed then (wp-<id>).
export function latinSlug(text: string, fallbackPrefix = "piece"): string {
  return asciiSlug(text, text, fallbackPrefix);
}

function asciiSlug(source: string, text: string, fallbackPrefix: string): string {
  const ascii = source
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  if (ascii.length >= 3) return ascii;
  const hash = createHash("sha256").update(text.normalize("NFC")).digest("hex").slice(0, 8);
  return ascii ? `${ascii}-${hash}` : `${fallbackPrefix}-${hash}`;
}

// Taxonomy slugs (tags, sections, authors) may keep Korean letters: only URL-hostile characters go.
export function taxonomySlug(name: string): string {
  const s = name
    .normalize("NFC")
    .trim()
    .toLowerCase()
    .replace(/[\s_/\\?#%&+.,:;'"“”‘’()[\]{}<>|!*=@^`~$]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return s || slugify(name, "tag");
}
