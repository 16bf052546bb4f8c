import { z } from "zod";
import type { Db } from "@/db/client";
import { saveAuthorRow, saveSectionRow, saveTagRow } from "@/db/queries/studio-taxonomy";
import { listAuthors, listSections } from "@/db/queries/taxonomy";
import { AppError } from "@/lib/http/errors";
import { recordAudit, type Actor } from "./audit";
import { announceContentChange } from "./content-events";
import { actorPublication } from "./pieces";

// Authors, sections (and series) and tags, edited in the studio by editors and admins.

const slug = z
  .string()
  .trim()
  .min(1, "슬러그를 입력하세요.")
  .max(80)
  .regex(/^[^\s/?#%\\]+$/, "슬러그에 공백이나 / ? # % 를 쓸 수 없습니다.");
const optionalText = (max: number) => z.string().trim().max(max).default("");

export const authorSchema = z.object({
  slug,
  name: z.string().trim().min(1, "이름을 입력하세요.").max(100),
  email: z.union([z.literal("").transform(() => null), z.email("올바른 이메일이 아닙니다.")]),
  position: optionalText(200),
  bio: optionalText(3000),
  avatarUrl: z
    .string()
    .trim()
    .max(1000)
    .transform((s) => s || null),
});
export const sectionSchema = z.object({
  slug,
  name: z.string().trim().min(1, "이름을 입력하세요.").max(100),
  nameEn: z.string().trim().min(1, "영문 이름을 입력하세요.").max(100),
  description: optionalText(1000),
  descriptionEn: optionalText(1000),
  seriesLabel: z
    .string()
    .trim()
    .max(100)
    .transform((s) => s || null),
  position: z.coerce.number().int().min(0).max(10_000),
  // A checkbox: absent when unticked.
  inNav: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
export const tagSchema = z.object({ slug, name: z.string().trim().min(1, "이름을 입력하세요.").max(60) });

export type TaxonomyKind = "author" | "section" | "tag";

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

// Within the actor's publication: an id of another publication's author, section or tag is not found.
async function save<T extends { id: number; slug: string }>(
  db: Db,
  actor: Actor,
  kind: TaxonomyKind,
  id: number | null,
  write: (tx: Db, pub: number) => Promise<T | null>,
): Promise<T> {
  const pub = actorPublication(actor);
  try {
    const row = await db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const saved = await write(tx, pub);
      if (!saved) throw new AppError("not_found", kind, "없는 항목입니다.");
      await recordAudit(tx, actor, {
        action: `${kind}.${id === null ? "create" : "update"}`,
        subjectType: kind,
        subjectId: saved.id,
        summary: `${kind} ${saved.slug}`,
        details: { ...saved },
      });
      return saved;
    });
    await announceContentChange(db, { publicationId: pub, slugs: [], lists: true, taxonomy: true });
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", "slug", "이미 쓰이는 슬러그(또는 이메일)입니다.");
    throw err;
  }
}

export function saveAuthor(db: Db, actor: Actor, id: number | null, input: z.output<typeof authorSchema>) {
  return save(db, actor, "author", id, (tx, pub) => saveAuthorRow(tx, id, { ...input, publicationId: pub }));
}

export function saveSection(db: Db, actor: Actor, id: number | null, input: z.output<typeof sectionSchema>) {
  return save(db, actor, "section", id, (tx, pub) => saveSectionRow(tx, id, { ...input, publicationId: pub }));
}

export function saveTag(db: Db, actor: Actor, id: number | null, input: z.output<typeof tagSchema>) {
  return save(db, actor, "tag", id, (tx, pub) => saveTagRow(tx, id, { ...input, publicationId: pub }));
}

export async function listTaxonomy(db: Db, pub: number) {
  const [a, s] = await Promise.all([listAuthors(db, pub), listSections(db, pub)]);
  return { authors: a, sections: s };
}
