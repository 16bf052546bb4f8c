import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { saveArticle, upsertAuthor, upsertSection, upsertTag } from "@/db/queries/content-writes";
import { getArticleIdBySlug, getArticleSlugById } from "@/db/queries/studio-articles";
import { getAuthorByEmail, getImportItem, saveImportItem, upsertRedirect } from "@/db/queries/studio-import";
import { getAuthorBySlug, getSectionBySlug, getTagBySlug } from "@/db/queries/taxonomy";
import { deriveSearchText } from "@/lib/articles/derive";
import { recordAudit, type Actor } from "@/lib/studio/audit";
import { announceContentChange } from "@/lib/studio/content-events";
import { normalizeLegacyPath } from "./redirects";
import type { ImportPlan, PlannedPiece } from "./wxr-plan";

export type ImportReport = {
  authors: number;
  sections: number;
  tags: number;
  pieces: { created: number; updated: number; unchanged: number; skipped: number };
  redirects: { created: number; updated: number; unchanged: number };
  slugs: string[];
};
export type Progress = (done: number, total: number, label: string) => void;

const checksum = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("hex");

// Everything is written in one transaction: a failure anywhere leaves the database as it was.
// Items already imported with the same content are skipped, so re-importing a file changes nothing.
export async function applyImport(db: Db, actor: Actor, plan: ImportPlan, onProgress: Progress = () => undefined): Promise<ImportReport> {
  const report: ImportReport = { authors: 0, sections: 0, tags: 0, pieces: { created: 0, updated: 0, unchanged: 0, skipped: plan.skipped.length }, redirects: { created: 0, updated: 0, unchanged: 0 }, slugs: [] };
  await db.transaction(async (t) => {
    // A transaction offers the same query surface as the handle; nested ones become savepoints.
    const tx = t as unknown as Db;
    const authorIds = new Map<string, number>();
    for (const a of plan.authors) {
      const mapped = await getImportItem(tx, plan.source, "author", a.login);
      const found = mapped ? { id: mapped.localId } : ((a.email ? await getAuthorByEmail(tx, a.email) : null) ?? (await getAuthorBySlug(tx, a.slug)));
      const id = found?.id ?? (await upsertAuthor(tx, { slug: a.slug, name: a.name, email: a.email, bio: a.bio })).id;
      if (!mapped) await saveImportItem(tx, { source: plan.source, kind: "author", externalId: a.login, localId: id, checksum: "" });
      if (!found) report.authors++;
      authorIds.set(a.login, id);
    }
    const sectionIds = new Map<string, number>();
    for (const s of plan.sections) {
      const found = await getSectionBySlug(tx, s.slug);
      sectionIds.set(s.slug, found?.id ?? (await upsertSection(tx, { slug: s.slug, name: s.name, nameEn: s.name, description: s.description, position: 100 })).id);
      if (!found) report.sections++;
    }
    const tagId = async (tag: { slug: string; name: string }) => {
      const found = await getTagBySlug(tx, tag.slug);
      if (!found) report.tags++;
      return found?.id ?? (await upsertTag(tx, tag.slug, tag.name)).id;
    };
    for (const tag of plan.tags) await tagId(tag);
    // Archive pages of the old site: categories, tags and authors.
    const archives: [string, string][] = [
      ...plan.sections.map((x): [string, string] => [`/category/${x.slug}`, `/sections/${x.slug}`]),
      ...plan.tags.map((x): [string, string] => [`/tag/${x.slug}`, `/tags/${x.slug}`]),
      ...plan.authors.map((x): [string, string] => [`/author/${x.login.toLowerCase()}`, `/authors/${x.slug}`]),
    ];
    for (const [from, to] of archives) {
      const key = normalizeLegacyPath(from);
      if (key) report.redirects[await upsertRedirect(tx, key, to, plan.source)]++;
    }
    for (const [i, piece] of plan.pieces.entries()) {
      await importPiece(tx, actor, plan.source, piece, { authorIds, sectionIds, tagId }, report);
      onProgress(i + 1, plan.pieces.length, piece.title);
    }
    await recordAudit(tx, actor, { action: "import.wxr", subjectType: "import", subjectId: plan.source, summary: `WordPress 가져오기: 새 기사 ${report.pieces.created}, 수정 ${report.pieces.updated}, 그대로 ${report.pieces.unchanged}`, details: { ...report, slugs: undefined } });
    // NOTIFY inside the transaction is delivered at commit and never without it: the import cannot
    // be committed yet reported as failed because the announcement after it met a lost connection.
    if (report.slugs.length || report.redirects.created || report.redirects.updated) {
      await announceContentChange(tx, { slugs: report.slugs, lists: true, taxonomy: true, redirects: true });
    }
  });
  return report;
}

type Refs = { authorIds: Map<string, number>; sectionIds: Map<string, number>; tagId: (t: { slug: string; name: string }) => Promise<number> };

async function importPiece(tx: Db, actor: Actor, source: string, piece: PlannedPiece, refs: Refs, report: ImportReport) {
  const mapped = await getImportItem(tx, source, "post", String(piece.wpId));
  const sum = checksum(piece);
  let slug = piece.slug;
  if (mapped?.checksum === sum) {
    report.pieces.unchanged++;
    slug = (await getArticleSlugById(tx, mapped.localId)) ?? slug;
  } else {
    const owner = await getArticleIdBySlug(tx, slug);
    if (owner !== null && owner !== mapped?.localId) slug = `${slug}-wp${piece.wpId}`;
    const tagIds = [];
    for (const tag of piece.tags) tagIds.push(await refs.tagId(tag));
    const row = await saveArticle(tx, mapped?.localId ?? null, {
      slug,
      title: piece.title,
      dek: piece.dek,
      body: piece.body,
      locale: "ko",
      status: piece.status,
      publishAt: piece.publishAt ?? (piece.status === "draft" ? null : new Date()),
      access: "public",
      sectionId: piece.sectionSlug ? (refs.sectionIds.get(piece.sectionSlug) ?? null) : null,
      heroImage: piece.heroImage,
      heroCaption: piece.heroCaption,
      heroAlt: piece.heroAlt,
      previewParagraphs: 3,
      ...deriveSearchText(piece.body, 3),
      authorIds: piece.authorLogins.map((l) => refs.authorIds.get(l)).filter((id): id is number => id !== undefined),
      tagIds,
    });
    slug = row.slug;
    await saveImportItem(tx, { source, kind: "post", externalId: String(piece.wpId), localId: row.id, checksum: sum });
    await recordAudit(tx, actor, { action: mapped ? "piece.update" : "piece.create", subjectType: "article", subjectId: row.id, summary: `WordPress #${piece.wpId} 가져옴: ${row.title}`, details: { slug: row.slug, source } });
    report.pieces[mapped ? "updated" : "created"]++;
    report.slugs.push(slug);
  }
  for (const from of piece.oldPaths) report.redirects[await upsertRedirect(tx, from, `/articles/${slug}`, source)]++;
}
