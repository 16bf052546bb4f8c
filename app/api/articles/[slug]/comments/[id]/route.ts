import { withCommentErrors } from "@/lib/comments/errors";
import { commentContext } from "@/lib/comments/request";
import { parseCommentId } from "@/lib/comments/input";
import { deleteComment, editComment } from "@/lib/comments/posting";
import { readJson } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string; id: string }> };
const headers = { "Cache-Control": "private, no-store" };

// PATCH {body} → 200 {comment}: the author, within 15 minutes of posting, with the comment right.
export const PATCH = withCommentErrors(async (req: Request, { params }: Ctx) => {
  const { slug, id } = await params;
  const now = new Date();
  const comment = await editComment(await commentContext(req, now), slug, parseCommentId(id), () => readJson(req, 64 * 1024));
  return Response.json({ comment }, { headers });
});

// DELETE → 200 {id, state: "deleted"}: the author (any time) or staff.
export const DELETE = withCommentErrors(async (req: Request, { params }: Ctx) => {
  const { slug, id } = await params;
  const now = new Date();
  const result = await deleteComment(await commentContext(req, now), slug, parseCommentId(id));
  return Response.json(result, { headers });
});
