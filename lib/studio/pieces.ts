import type { Db } from "@/db/client";
import { deleteArticle, saveArticle } from "@/db/queries/content-writes";
import { getRevision } from "@/db/queries/piece-revisions";
import { requestNewsletter, withdrawNewsletter } from "@/db/queries/email";
import { getStudioArticle, type StudioArticle } from "@/db/queries/studio-articles";
import type { Article } from "@/db/schema";
import { membershipOf, relatedTagsToExpire } from "@/lib/articles/related";
import { AppError } from "@/lib/http/errors";
import { recordAudit, type Actor } from "./audit";
import { announceContentChange } from "./content-events";
import type { PieceFields, PiecePatch } from "./piece-input";
import { resolvePieceWrite } from "./piece-resolve";
import { studioMessage } from "./messages";

// Writes pieces for every entry point (studio, Admin API, CLI, import): resolves the fields, derives
// the search text, writes the audit entry in the same transaction and announces the change. Callers
// inside Next then revalidate the render cache (lib/studio/revalidate.ts).

// `related`: the related-list tags the change expires (lib/articles/related.ts).
export type PieceChange = { article: Article; publicationId: number; slugs: string[]; related: string[] };

// The publication an actor writes pieces in (studio: its publication; Admin API: the host's; CLI:
// --publication).
export function actorPublication(actor: Actor): number {
  if (actor.publicationId === null) throw new AppError("invalid", "publication", "Name the publication to write in (--publication <slug>).");
  return actor.publicationId;
}

const auditDetails = (a: Article) => ({
  slug: a.slug,
  status: a.status,
  access: a.access,
  publishAt: a.publishAt?.toISOString() ?? null,
  unlockAt: a.unlockAt?.toISOString() ?? null,
});

export function toPieceFields(a: StudioArticle): PieceFields {
  return {
    title: a.title,
    body: a.body,
    access: a.access,
    status: a.status,
    section: a.section?.slug ?? null,
    authorSlugs: a.authors.map((x) => x.slug),
    tags: a.tags.map((t) => t.name),
  };
}

function slugsOf(row: { slug: string }, existing: StudioArticle | null): string[] {
  return [...new Set([row.slug, ...(existing ? [existing.slug] : [])])];
}

const membershipBefore = (a: StudioArticle | null, now: Date) =>
  a
    ? membershipOf(
        a,
        a.tags.map((t) => t.id),
        now,
      )
    : null;

// A restore is a save whose audit entry names the revision it brought back.
type AuditAs = { action: string; summary: string; details: Record<string, unknown> };

async function commit(db: Db, actor: Actor, existing: StudioArticle | null, fields: PieceFields, now: Date, auditAs?: AuditAs): Promise<PieceChange> {
  const pub = actorPublication(actor);
  const write = await resolvePieceWrite(db, pub, fields, existing, now);
  let related: string[] = [];
  const article = await saveArticle(
    db,
    existing?.id ?? null,
    write,
    async (tx, row) => {
      related = relatedTagsToExpire(membershipBefore(existing, now), membershipOf(row, write.tagIds, now));
      await recordAudit(tx, actor, {
        action: auditAs?.action ?? (existing ? "piece.update" : "piece.create"),
        subjectType: "article",
        subjectId: row.id,
        summary: auditAs?.summary ?? `${existing ? "수정" : "작성"}: ${row.title}`,
        details: { ...auditDetails(row), ...(existing && existing.slug !== row.slug ? { previousSlug: existing.slug } : {}), ...auditAs?.details },
      });
      // The send itself waits for the piece to be live (lib/email/worker.ts), so a scheduled piece
      // goes at its publish instant; each piece is sent at most once.
      if (fields.newsletter === true) await requestNewsletter(tx, pub, row.id, actor.label);
      if (fields.newsletter === false) await withdrawNewsletter(tx, row.id);
      // Inside the transaction: NOTIFY is delivered at commit, so a committed write is never
      // answered as failed because the connection dropped between commit and announcement.
      await announceContentChange(tx, { publicationId: pub, slugs: slugsOf(row, existing), lists: true, related });
    },
    actor.memberId,
  );
  return { article, publicationId: pub, slugs: slugsOf(article, existing), related };
}

export function createPiece(db: Db, actor: Actor, fields: PieceFields, now = new Date()): Promise<PieceChange> {
  return commit(db, actor, null, fields, now);
}

export async function updatePiece(db: Db, actor: Actor, id: number, patch: PiecePatch, now = new Date()): Promise<PieceChange> {
  const existing = await getStudioArticle(db, actorPublication(actor), id);
  if (!existing) throw new AppError("not_found", "article", studioMessage("pieceNotFound"));
  // Bylines and tags left out of a patch stay as they are (resolvePieceWrite keeps them).
  const base = { ...toPieceFields(existing), authorSlugs: undefined, tags: undefined, section: undefined };
  return commit(db, actor, existing, { ...base, ...patch }, now);
}

// Brings back a revision's content fields (title, body, dek) as a new save; everything else (status,
// access, slug, byline) stays as it is now.
export async function restorePieceRevision(db: Db, actor: Actor, id: number, revisionId: number, now = new Date()): Promise<PieceChange> {
  const pub = actorPublication(actor);
  const [existing, revision] = await Promise.all([getStudioArticle(db, pub, id), getRevision(db, pub, id, revisionId)]);
  if (!existing || !revision) throw new AppError("not_found", "revision", "No such revision of this piece.");
  const base = { ...toPieceFields(existing), authorSlugs: undefined, tags: undefined, section: undefined };
  return commit(db, actor, existing, { ...base, title: revision.title, body: revision.body, dek: revision.dek }, now, {
    action: "piece.restore",
    summary: `이전 판 복원: ${revision.title}`,
    details: { revisionId: revision.id, revisionCreatedAt: revision.createdAt.toISOString() },
  });
}

export async function removePiece(db: Db, actor: Actor, id: number, now = new Date()): Promise<PieceChange> {
  const pub = actorPublication(actor);
  const existing = await getStudioArticle(db, pub, id);
  // A piece of another publication is "not found" here, never deleted.
  if (!existing) throw new AppError("not_found", "article", studioMessage("pieceNotFound"));
  const related = relatedTagsToExpire(membershipBefore(existing, now), null);
  const row = await deleteArticle(db, id, async (tx, deleted) => {
    await recordAudit(tx, actor, {
      action: "piece.delete",
      subjectType: "article",
      subjectId: deleted.id,
      summary: `삭제: ${deleted.title}`,
      details: auditDetails(deleted),
    });
    await announceContentChange(tx, { publicationId: pub, slugs: [deleted.slug], lists: true, related });
  });
  if (!row) throw new AppError("not_found", "article", studioMessage("pieceNotFound"));
  return { article: row, publicationId: pub, slugs: [row.slug], related };
}
