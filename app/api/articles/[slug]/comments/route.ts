import { getDb } from "@/db/client";
import { getViewer } from "@/lib/auth/viewer";
import { listComments } from "@/lib/comments/discussion";
import { withCommentErrors } from "@/lib/comments/errors";
import { createComment } from "@/lib/comments/posting";
import { readJson } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };
// Personal (own comments, reports, post right): never stored by a shared cache.
const headers = { "Cache-Control": "private, no-store" };

// GET: the discussion of a live piece (design §9). 404 for an unknown piece; a reader who may not
// read it gets 200 with `locked: true` and no comments.
export const GET = withCommentErrors(async (_req: Request, { params }: Ctx) => {
  const { slug } = await params;
  const now = new Date();
  const result = await listComments({ db: await getDb(), viewer: await getViewer(now), now }, slug);
  return Response.json(result, { headers });
});

// POST {body, parentId?} → 201 with the comment; 401/403/404/422/429 as in lib/comments/posting.
export const POST = withCommentErrors(async (req: Request, { params }: Ctx) => {
  const { slug } = await params;
  const now = new Date();
  const viewer = await getViewer(now);
  const comment = await createComment({ db: await getDb(), viewer, now }, slug, () => readJson(req, 64 * 1024));
  return Response.json({ comment }, { status: 201, headers });
});
