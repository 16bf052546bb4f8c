import type { PieceFields } from "./piece-input";

// Studio editor FormData → the same field object the Admin API accepts, so both paths share one
// validation (pieceFieldsSchema) and one writer (lib/studio/pieces.ts).

const str = (fd: FormData, key: string): string => {
  const v = fd.get(key);
  return typeof v === "string" ? v : "";
};
const optional = (fd: FormData, key: string): string | undefined => str(fd, key).trim() || undefined;
const nullable = (fd: FormData, key: string): string | null => str(fd, key).trim() || null;
const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export function pieceFieldsFromForm(fd: FormData): Record<string, unknown> {
  const preview = Number(str(fd, "previewParagraphs"));
  const fields: Record<string, unknown> = {
    title: str(fd, "title"),
    slug: optional(fd, "slug"),
    dek: lines(str(fd, "dek")),
    body: str(fd, "body").replace(/\r\n?/g, "\n"),
    locale: optional(fd, "locale"),
    access: str(fd, "access"),
    unlockAt: nullable(fd, "unlockAt"),
    status: str(fd, "status"),
    publishAt: nullable(fd, "publishAt"),
    section: nullable(fd, "section"),
    tags: str(fd, "tags")
      .split(/[,\n]/)
      .map((t) => t.trim())
      .filter(Boolean),
    authorSlugs: fd.getAll("authorSlugs").filter((v): v is string => typeof v === "string" && v !== ""),
    previewParagraphs: Number.isFinite(preview) && preview > 0 ? preview : undefined,
    heroImage: nullable(fd, "heroImage"),
    heroAlt: str(fd, "heroAlt"),
    heroCaption: str(fd, "heroCaption"),
    heroCredit: str(fd, "heroCredit"),
    seoTitle: nullable(fd, "seoTitle"),
    seoDescription: nullable(fd, "seoDescription"),
    // The checkbox is only in the form while the send can still change (not once it started).
    newsletter: fd.has("newsletterField") ? fd.get("newsletter") === "on" : undefined,
  };
  return fields satisfies Partial<Record<keyof PieceFields, unknown>>;
}
