import type { PieceFields } from "./piece-input";

// Studio editor FormData → the same field object the Admin API accepts, so both paths share one
// validation (pieceFieldsSchema) and one writer (lib/studio/pieces.ts).

// The editor's fields are the schema's, so a field added to pieceFieldsSchema fails to compile
// until the form (PieceFormValues, emptyPiece, toFormValues) and the reader below carry it. Left
// out: the Admin API's author addresses (the form picks bylines by slug) and the newsletter flag
// (a checkbox shown only while the send can still change).
export type PieceFormField = Exclude<keyof PieceFields, "authorEmail" | "authorEmails" | "newsletter">;

// Each field as the form holds it: instants as ISO strings, the dek one line per paragraph, tags
// comma-separated, empty strings for absent optional text.
type FormValue<K extends PieceFormField> = K extends "authorSlugs"
  ? string[]
  : K extends "previewParagraphs"
    ? number
    : K extends "locale"
      ? NonNullable<PieceFields["locale"]>
      : K extends "status"
        ? PieceFields["status"]
        : K extends "unlockAt" | "publishAt"
          ? string | null
          : string;
export type PieceFormFields = { [K in PieceFormField]: FormValue<K> };

const str = (fd: FormData, key: PieceFormField | "newsletterField" | "newsletter"): string => {
  const v = fd.get(key);
  return typeof v === "string" ? v : "";
};
const optional = (fd: FormData, key: PieceFormField): string | undefined => str(fd, key).trim() || undefined;
const nullable = (fd: FormData, key: PieceFormField): string | null => str(fd, key).trim() || null;
const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export function pieceFieldsFromForm(fd: FormData): Record<string, unknown> {
  const preview = Number(str(fd, "previewParagraphs"));
  const fields = {
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
  return fields satisfies Record<PieceFormField, unknown>;
}
