import { withCommentErrors } from "@/lib/comments/errors";
import { commentContext } from "@/lib/comments/request";
import { parseCommentId, readOptionalJson } from "@/lib/comments/input";
import { reportComment } from "@/lib/comments/reports";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string; id: string }> };

// POST {reason?} → 201 {reported: true, alreadyReported: false} on the first report by this
// member, 200 with alreadyReported: true on a repeat.
export const POST = withCommentErrors(async (req: Request, { params }: Ctx) => {
  const { slug, id } = await params;
  const now = new Date();
  const result = await reportComment(await commentContext(req, now), slug, parseCommentId(id), () => readOptionalJson(req));
  return Response.json(result, { status: result.alreadyReported ? 200 : 201, headers: { "Cache-Control": "private, no-store" } });
});
