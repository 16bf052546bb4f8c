import { getDb } from "@/db/client";
import { listStudioArticles } from "@/db/queries/studio-articles";
import { articleJson, articleUrl, parseListQuery } from "@/lib/admin-api/articles";
import { requireAdminToken } from "@/lib/admin-api/auth";
import { readJson, withErrors } from "@/lib/http/errors";
import { requireRequestPublication } from "@/lib/publications/current";
import { pieceFieldsSchema } from "@/lib/studio/piece-input";
import { createPiece } from "@/lib/studio/pieces";
import { afterContentChange } from "@/lib/studio/revalidate";

export const dynamic = "force-dynamic";

// The publication is the one at the request's host (design §10).

// GET /api/admin/v1/articles?status=&access=&section=&author=&q=&limit=&offset=
export const GET = withErrors(async (req: Request) => {
  const actor = await requireAdminToken(req);
  const pub = requireRequestPublication(req);
  const db = await getDb();
  const { filter, limit, offset } = await parseListQuery(db, actor.publicationId, new URL(req.url).searchParams);
  const now = new Date();
  const rows = await listStudioArticles(db, actor.publicationId, filter, now, limit, offset);
  return Response.json({ articles: rows.map((a) => articleJson(pub, a, now, false)), limit, offset });
});

// POST /api/admin/v1/articles → 201 {id, slug, url} (design §9).
export const POST = withErrors(async (req: Request) => {
  const actor = await requireAdminToken(req);
  const pub = requireRequestPublication(req);
  const db = await getDb();
  const fields = pieceFieldsSchema.parse(await readJson(req, 1024 * 1024));
  const change = await createPiece(db, actor, fields);
  afterContentChange({ publicationId: change.publicationId, slugs: change.slugs, lists: true, related: change.related });
  return Response.json({ id: change.article.id, slug: change.article.slug, url: articleUrl(pub, change.article.slug) }, { status: 201 });
});
