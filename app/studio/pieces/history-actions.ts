"use server";

import { getDb } from "@/db/client";
import { bumpPreviewGeneration, getPreviewGeneration } from "@/db/queries/piece-revisions";
import { getStudioArticle } from "@/db/queries/studio-articles";
import { AppError } from "@/lib/http/errors";
import { previewKey } from "@/lib/preview/keys";
import { PREVIEW_LINK_TTL_MS, signPreviewToken } from "@/lib/preview/preview-token";
import { originOf } from "@/lib/publications/current";
import { publicationById } from "@/lib/publications/table";
import { runAction, type ActionResult } from "@/lib/studio/action-result";
import { recordAudit } from "@/lib/studio/audit";
import { requireStaffAction } from "@/lib/studio/guard";
import { restorePieceRevision } from "@/lib/studio/pieces";
import { afterContentChange } from "@/lib/studio/revalidate";
import { z } from "zod";

const id = z.number().int().positive().max(2_147_483_647);

// Restores a revision's title, body and dek as a new save (editors and admins only).
export async function restoreRevisionAction(pieceId: number, revisionId: number): Promise<ActionResult<{ id: number }>> {
  const actor = await requireStaffAction("editor");
  return runAction(async () => {
    const change = await restorePieceRevision(await getDb(), actor, id.parse(pieceId), id.parse(revisionId));
    afterContentChange({ publicationId: change.publicationId, slugs: change.slugs, lists: true, related: change.related });
    return { id: change.article.id };
  });
}

async function requirePiece(actor: { publicationId: number }, pieceId: number) {
  const db = await getDb();
  // A piece of another publication is "not found" here: no link to it is ever signed.
  const piece = await getStudioArticle(db, actor.publicationId, id.parse(pieceId));
  if (!piece) throw new AppError("not_found", "article", "No piece has this id.");
  return { db, piece };
}

// A signed link anyone may open for seven days, until the piece's links are revoked.
export async function createPreviewLinkAction(pieceId: number): Promise<ActionResult<{ url: string; expiresAt: string }>> {
  const actor = await requireStaffAction("editor");
  return runAction(async () => {
    const { db, piece } = await requirePiece(actor, pieceId);
    const pub = publicationById(actor.publicationId);
    if (!pub) throw new AppError("unavailable", "publication", "The site is starting; try again in a moment.");
    const now = new Date();
    const token = signPreviewToken(previewKey(), { articleId: piece.id, publicationId: pub.id, generation: await getPreviewGeneration(db, piece.id) }, now);
    await recordAudit(db, actor, { action: "piece.preview_link", subjectType: "article", subjectId: piece.id, summary: `미리보기 링크 발급: ${piece.title}` });
    return { url: `${originOf(pub)}/preview/${token}`, expiresAt: new Date(now.getTime() + PREVIEW_LINK_TTL_MS).toISOString() };
  });
}

// Every link issued so far stops working (their generation is no longer the piece's).
export async function revokePreviewLinksAction(pieceId: number): Promise<ActionResult<{ generation: number }>> {
  const actor = await requireStaffAction("editor");
  return runAction(async () => {
    const { db, piece } = await requirePiece(actor, pieceId);
    const generation = await db.transaction(async (tx) => {
      const next = await bumpPreviewGeneration(tx, piece.id);
      await recordAudit(tx, actor, {
        action: "piece.preview_revoke",
        subjectType: "article",
        subjectId: piece.id,
        summary: `미리보기 링크 모두 취소: ${piece.title}`,
        details: { generation: next },
      });
      return next;
    });
    return { generation };
  });
}
