import type { Db } from "@/db/client";
import { saveArticle, upsertAuthor, upsertSection, upsertTag } from "@/db/queries/content-writes";
import { getArticleIdBySlug, getStudioArticle, type StudioArticle } from "@/db/queries/studio-articles";
import { getAuthorByEmail, getImportedPiece, getImportItem, saveImportItem, upsertRedirect } from "@/db/queries/studio-import";
import { getAuthorBySlug, getSectionBySlug, getTagBySlug } from "@/db/queries/taxonomy";
import { deriveSearchText } from "@/lib/articles/derive";
import { recordAudit, type Actor } from "@/lib/studio/audit";
import { getPublicationById } from "@/db/queries/publications";
import { relatedAllTag } from "@/lib/articles/cache-tags";
import { actorPublication } from "@/lib/studio/pieces";
import { announceContentChange } from "@/lib/studio/content-events";
import { normalizeLegacyPath } from "./redirects";
import { pieceChecksum, reconstructLegacyWrite } from "./wxr-legacy";
import { fingerprint, legacyFingerprint, mergeUpdate, sameValues, type MergeField, type PieceValues } from "./wxr-merge";
import type { ImportPlan, PlannedPiece } from "./wxr-plan";

export type ImportReport = {
  authors: number;
  sections: number;
  tags: number;
  pieces: { created: number; updated: number; unchanged: number; skipped: number };
  redirects: { created: number; updated: number; unchanged: number };
  slugs: string[];
  // Password-protected WordPress posts in the file: the access they were imported at, and each
  // piece with the access it has now (an editor may have chosen another since).
  protected: { access: string; pieces: { wpId: number; slug: string; access: string }[] };
  // Pieces where this run left an editor's change in place; conflicts: WordPress changed the same
  // field since the previous import, and Masthead's value was kept (lib/import/wxr-merge.ts).
  editorKept: { slug: string; fields: MergeField[]; conflicts: MergeField[] }[];
  // WordPress ids of pieces imported before and deleted in Masthead since: not re-created.
  deletedInMasthead: number[];
  // A dry run: these are the changes the import would make; none was kept.
  dryRun: boolean;
};

export type ApplyOptions = { dryRun: boolean; navSections: readonly string[] };

// Thrown inside the transaction to roll a dry run back once its report is complete.
class DryRunRollback extends Error {}
export type Progress = (done: number, total: number, label: string) => void;

// Everything is written in one transaction: a failure anywhere leaves the database as it was.
// Items already imported with the same content are skipped, so re-importing a file changes nothing;
// an item changed in WordPress updates only the fields no editor changed here since the previous
// import (lib/import/wxr-merge.ts).
// Into the actor's publication (studio: its publication; CLI: --publication): a multisite's sites
// are imported one file each, every one into its own publication, with its redirects on its hosts.
export async function applyImport(
  db: Db,
  actor: Actor,
  plan: ImportPlan,
  onProgress: Progress = () => undefined,
  options: ApplyOptions = { dryRun: false, navSections: [] },
): Promise<ImportReport> {
  const pub = actorPublication(actor);
  const locale = (await getPublicationById(db, pub))?.locale ?? "ko";
  const report: ImportReport = {
    authors: 0,
    sections: 0,
    tags: 0,
    pieces: { created: 0, updated: 0, unchanged: 0, skipped: plan.skipped.length },
    redirects: { created: 0, updated: 0, unchanged: 0 },
    slugs: [],
    protected: { access: plan.protectedAccess, pieces: [] },
    editorKept: [],
    deletedInMasthead: [],
    dryRun: options.dryRun,
  };
  const nav = new Set(options.navSections);
  try {
    await db.transaction(async (t) => {
      // A transaction offers the same query surface as the handle; nested ones become savepoints.
      const tx = t as unknown as Db;
      const authorIds = new Map<string, number>();
      for (const a of plan.authors) {
        // An author who writes for several sites is one author per publication (they are a byline
        // of that site: its own bio, its own archive page); the member account stays one.
        const mapped = await getImportItem(tx, pub, plan.source, "author", a.login);
        const found = mapped
          ? { id: mapped.localId }
          : ((a.email ? await getAuthorByEmail(tx, pub, a.email) : null) ?? (await getAuthorBySlug(tx, pub, a.slug)));
        const id = found?.id ?? (await upsertAuthor(tx, { publicationId: pub, slug: a.slug, name: a.name, email: a.email, bio: a.bio })).id;
        if (!mapped) await saveImportItem(tx, { publicationId: pub, source: plan.source, kind: "author", externalId: a.login, localId: id, checksum: "" });
        if (!found) report.authors++;
        authorIds.set(a.login, id);
      }
      const sectionIds = new Map<string, number>();
      for (const s of plan.sections) {
        const found = await getSectionBySlug(tx, pub, s.slug);
        sectionIds.set(
          s.slug,
          found?.id ??
            (
              await upsertSection(tx, {
                publicationId: pub,
                slug: s.slug,
                name: s.name,
                nameEn: s.name,
                description: s.description,
                position: 100,
                inNav: nav.has(s.slug),
              })
            ).id,
        );
        if (!found) report.sections++;
      }
      const tagId = async (tag: { slug: string; name: string }) => {
        const found = await getTagBySlug(tx, pub, tag.slug);
        if (!found) report.tags++;
        return found?.id ?? (await upsertTag(tx, pub, tag.slug, tag.name)).id;
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
        if (key) report.redirects[await upsertRedirect(tx, pub, key, to, plan.source)]++;
      }
      for (const [i, piece] of plan.pieces.entries()) {
        await importPiece(tx, actor, plan.source, piece, { pub, locale, authorIds, sectionIds, tagId }, report);
        onProgress(i + 1, plan.pieces.length, piece.title);
      }
      await recordAudit(tx, actor, {
        action: "import.wxr",
        subjectType: "import",
        subjectId: plan.source,
        summary: `WordPress 가져오기: 새 기사 ${report.pieces.created}, 수정 ${report.pieces.updated}, 그대로 ${report.pieces.unchanged}, 비밀번호 보호 ${report.protected.pieces.length}`,
        // Counts only: the per-piece lists of a large import would bloat the log.
        details: {
          ...report,
          slugs: undefined,
          protected: { access: report.protected.access, count: report.protected.pieces.length },
          editorKept: report.editorKept.length,
          conflicts: report.editorKept.filter((k) => k.conflicts.length).length,
          deletedInMasthead: report.deletedInMasthead.length,
        },
      });
      // NOTIFY inside the transaction is delivered at commit and never without it: the import cannot
      // be committed yet reported as failed because the announcement after it met a lost connection.
      if (report.slugs.length || report.redirects.created || report.redirects.updated) {
        // A bulk change: every related list may now show imported pieces.
        await announceContentChange(tx, {
          publicationId: pub,
          slugs: report.slugs,
          lists: true,
          taxonomy: true,
          redirects: true,
          related: [relatedAllTag(pub)],
        });
      }
      // Everything above ran for real, so the counts are exact; rolling back keeps none of it
      // (the audit row and the NOTIFY included).
      if (options.dryRun) throw new DryRunRollback();
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  return report;
}

type Refs = {
  pub: number;
  locale: "ko" | "en";
  authorIds: Map<string, number>;
  sectionIds: Map<string, number>;
  tagId: (t: { slug: string; name: string }) => Promise<number>;
};

const valuesOf = (a: StudioArticle): PieceValues => ({
  slug: a.slug,
  title: a.title,
  dek: a.dek,
  body: a.body,
  locale: a.locale,
  status: a.status,
  publishAt: a.publishAt,
  access: a.access,
  unlockAt: a.unlockAt,
  previewParagraphs: a.previewParagraphs,
  sectionId: a.sectionId,
  heroImage: a.heroImage,
  heroCaption: a.heroCaption,
  heroAlt: a.heroAlt,
  authorIds: a.authors.map((x) => x.id),
  tagIds: a.tags.map((x) => x.id),
});

// What the file says the piece should be. An undated published post keeps the instant it was
// first given: re-stamping it with each import's clock would move it to the top of every list.
async function plannedValues(tx: Db, piece: PlannedPiece, current: StudioArticle | null, refs: Refs): Promise<PieceValues> {
  let slug = piece.slug;
  const owner = await getArticleIdBySlug(tx, refs.pub, slug);
  if (owner !== null && owner !== current?.id) slug = `${slug}-wp${piece.wpId}`;
  const tagIds = [];
  for (const tag of piece.tags) tagIds.push(await refs.tagId(tag));
  return {
    slug,
    title: piece.title,
    dek: piece.dek,
    body: piece.body,
    locale: current?.locale ?? refs.locale,
    status: piece.status,
    publishAt: piece.publishAt ?? (piece.status === "draft" ? null : (current?.publishAt ?? new Date())),
    access: piece.protected?.access ?? "public",
    unlockAt: null,
    previewParagraphs: 3,
    sectionId: piece.sectionSlug ? (refs.sectionIds.get(piece.sectionSlug) ?? null) : null,
    heroImage: piece.heroImage,
    heroCaption: piece.heroCaption,
    heroAlt: piece.heroAlt,
    authorIds: piece.authorLogins.map((l) => refs.authorIds.get(l)).filter((id): id is number => id !== undefined),
    tagIds,
  };
}

async function importPiece(tx: Db, actor: Actor, source: string, piece: PlannedPiece, refs: Refs, report: ImportReport) {
  const mapped = await getImportItem(tx, refs.pub, source, "post", String(piece.wpId));
  const sum = pieceChecksum(piece);
  // An unchanged item needs only its piece's address and access; a changed one the whole piece.
  const row =
    mapped?.checksum === sum ? await getImportedPiece(tx, refs.pub, mapped.localId) : await writePiece(tx, actor, source, piece, sum, mapped, refs, report);
  if (!row) {
    // Deleting an imported piece is an editor's decision too: the file does not bring it back.
    report.deletedInMasthead.push(piece.wpId);
    report.pieces.skipped++;
    return;
  }
  if (mapped?.checksum === sum) report.pieces.unchanged++;
  if (piece.protected) report.protected.pieces.push({ wpId: piece.wpId, slug: row.slug, access: row.access });
  for (const from of piece.oldPaths) report.redirects[await upsertRedirect(tx, refs.pub, from, `/articles/${row.slug}`, source)]++;
}

type ImportItem = NonNullable<Awaited<ReturnType<typeof getImportItem>>>;

// Creates the piece, or updates it with what no editor changed since the previous import; null
// when the piece it was imported as has been deleted.
async function writePiece(tx: Db, actor: Actor, source: string, piece: PlannedPiece, sum: string, mapped: ImportItem | null, refs: Refs, report: ImportReport) {
  const current = mapped ? await getStudioArticle(tx, refs.pub, mapped.localId) : null;
  if (mapped && !current) return null;
  const next = await plannedValues(tx, piece, current, refs);
  let merged = { values: next, written: fingerprint(next), kept: [] as MergeField[], conflicts: [] as MergeField[] };
  if (current && mapped) {
    const was = valuesOf(current);
    const last = mapped.written ?? legacyFingerprint(was, reconstructLegacyWrite(piece, mapped.checksum, was, next));
    merged = mergeUpdate(was, last, next);
  }
  const { values, written, kept, conflicts } = merged;
  let row: { id: number; slug: string; access: string };
  if (current && sameValues(values, valuesOf(current))) {
    // Everything WordPress changed is something the editor changed here: nothing to write.
    report.pieces.unchanged++;
    row = current;
  } else {
    row = await saveArticle(
      tx,
      current?.id ?? null,
      { ...values, publicationId: refs.pub, ...deriveSearchText(values.body, values.previewParagraphs) },
      undefined,
      actor.memberId,
    );
    await recordAudit(tx, actor, {
      action: current ? "piece.update" : "piece.create",
      subjectType: "article",
      subjectId: row.id,
      summary: `WordPress #${piece.wpId} 가져옴: ${values.title}${kept.length ? ` (편집자 변경 유지: ${kept.join(", ")})` : ""}`,
      details: { slug: row.slug, source, access: row.access, ...(kept.length ? { kept, conflicts } : {}) },
    });
    report.pieces[current ? "updated" : "created"]++;
    // The old address too: its cached renders must go when a piece moves.
    report.slugs.push(...new Set([row.slug, current?.slug ?? row.slug]));
  }
  await saveImportItem(tx, { publicationId: refs.pub, source, kind: "post", externalId: String(piece.wpId), localId: row.id, checksum: sum, written });
  if (kept.length) report.editorKept.push({ slug: row.slug, fields: kept, conflicts });
  return row;
}
