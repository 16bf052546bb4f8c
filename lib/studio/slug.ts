import { createHash } from "node:crypto";

// Article slugs are ASCII kebab-case (the proxy refuses anything else, lib/routing/paths.ts).
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,199}$/;

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug) && !slug.endsWith("-");
}

// Latin titles keep their words; a title with no Latin letters or digits (most Korean titles)
// gets a stable short hash, so the same title always proposes the same slug.
export function slugify(text: string, fallbackPrefix = "piece"): string {
  const ascii = text
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
