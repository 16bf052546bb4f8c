import { listComments } from "@/lib/comments/discussion";
import { withCommentErrors } from "@/lib/comments/errors";
import { commentContext } from "@/lib/comments/request";
import { createComment } from "@/lib/comments/posting";
import { readJson } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };
// Personal (own comments, reports, post right): never stored by a shared cache.
const headers = { "Cache-Control": "private, no-store" };

// GET: the discussion of a live piece (design §9). 404 for an unknown piece; a reader who may not
// read it gets 200 with `locked: true` and no comments.
export const GET = withCommentErrors(async (req: Request, { params }: Ctx) => {
  const { slug } = await params;
  const now = new Date();
  const result = await listComments(await commentContext(req, now), slug);
  return Response.json(result, { headers });
});

// POST {body, parentId?} → 201 with the comment; 401/403/404/422/429 as in lib/comments/posting.
export const POST = withCommentErrors(async (req: Request, { params }: Ctx) => {
  const { slug } = await params;
  const now = new Date();
  const comment = await createComment(await commentContext(req, now), slug, () => readJson(req, 64 * 1024));
  return Response.json({ comment }, { status: 201, headers });
});
