import { getDb } from "@/db/client";
import { requireAdminToken } from "@/lib/admin-api/auth";
import { memberJson } from "@/lib/admin-api/members";
import { emailSchema } from "@/lib/auth/email";
import { AppError, withErrors } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

// GET /api/admin/v1/members?email= → the member with grants and effective access.
export const GET = withErrors(async (req: Request) => {
  const actor = await requireAdminToken(req);
  const email = emailSchema.safeParse(new URL(req.url).searchParams.get("email") ?? "");
  if (!email.success) throw new AppError("invalid", "email", "Pass ?email= with a valid address.");
  const member = await memberJson(await getDb(), actor.publicationId, email.data);
  if (!member) throw new AppError("not_found", "member", "No member has this email.");
  return Response.json(member);
});
