import { getDb } from "@/db/client";
import { requireAdminToken } from "@/lib/admin-api/auth";
import { parseGrantRequest } from "@/lib/admin-api/members";
import { readJson, withErrors } from "@/lib/http/errors";
import { grantWithAudit } from "@/lib/studio/member-changes";

export const dynamic = "force-dynamic";

// POST /api/admin/v1/members/{email}/grants {tier, startsAt?, endsAt, note?} → 201 {id};
// creates the member when the address is new.
export const POST = withErrors(async (req: Request, ctx: { params: Promise<{ email: string }> }) => {
  const actor = await requireAdminToken(req);
  // Next has already percent-decoded the segment; decoding again threw URIError (a 500) on a
  // literal "%" and read "a%2540b.c" as a@b.c.
  const { email } = await ctx.params;
  const db = await getDb();
  const input = await parseGrantRequest(db, actor.publicationId, email, await readJson(req));
  const { grant } = await grantWithAudit(db, actor, { ...input, source: "comp" });
  return Response.json({ id: grant.id }, { status: 201 });
});
