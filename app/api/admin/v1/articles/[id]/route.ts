import { getDb } from "@/db/client";
import { getNewsletterSend } from "@/db/queries/email";
import { getStudioArticle } from "@/db/queries/studio-articles";
import { articleJson, parseArticleId } from "@/lib/admin-api/articles";
import { requireAdminToken } from "@/lib/admin-api/auth";
import { AppError, readJson, withErrors } from "@/lib/http/errors";
import { requireRequestPublication } from "@/lib/publications/current";
import { piecePatchSchema } from "@/lib/studio/piece-input";
import { removePiece, updatePiece } from "@/lib/studio/pieces";
import { afterContentChange } from "@/lib/studio/revalidate";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

// The piece's newsletter send, if one was asked for: waiting (until live), queued or done.
async function newsletterJson(db: Awaited<ReturnType<typeof getDb>>, articleId: number) {
  const send = await getNewsletterSend(db, articleId);
  return send
    ? { status: send.status, recipients: send.recipients, queuedAt: send.queuedAt?.toISOString() ?? null, finishedAt: send.finishedAt?.toISOString() ?? null }
    : null;
}

// Pieces of the publication at the request's host; another publication's id is a 404.
export const GET = withErrors(async (req: Request, ctx: Ctx) => {
  const actor = await requireAdminToken(req);
  const db = await getDb();
  const row = await getStudioArticle(db, actor.publicationId, parseArticleId((await ctx.params).id));
  if (!row) throw new AppError("not_found", "article", "No piece has this id.");
  return Response.json({ ...articleJson(requireRequestPublication(req), row), newsletter: await newsletterJson(db, row.id) });
});

// PATCH: any subset of the POST fields; omitted fields keep their value.
export const PATCH = withErrors(async (req: Request, ctx: Ctx) => {
  const actor = await requireAdminToken(req);
  const id = parseArticleId((await ctx.params).id);
  const db = await getDb();
  const patch = piecePatchSchema.parse(await readJson(req, 1024 * 1024));
  const change = await updatePiece(db, actor, id, patch);
  afterContentChange({ publicationId: change.publicationId, slugs: change.slugs, lists: true, related: change.related });
  const row = await getStudioArticle(db, actor.publicationId, id);
  return Response.json(row ? { ...articleJson(requireRequestPublication(req), row), newsletter: await newsletterJson(db, row.id) } : { id });
});

export const DELETE = withErrors(async (req: Request, ctx: Ctx) => {
  const actor = await requireAdminToken(req);
  const change = await removePiece(await getDb(), actor, parseArticleId((await ctx.params).id));
  afterContentChange({ publicationId: change.publicationId, slugs: change.slugs, lists: true, related: change.related });
  return Response.json({ id: change.article.id, slug: change.article.slug, deleted: true });
});
