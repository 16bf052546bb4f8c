import { getDb } from "@/db/client";
import { requireAdminToken } from "@/lib/admin-api/auth";
import { AppError, withErrors } from "@/lib/http/errors";
import { revokeWithAudit } from "@/lib/studio/member-changes";

export const dynamic = "force-dynamic";

// DELETE /api/admin/v1/grants/{id} → revokes the grant now (idempotent).
export const DELETE = withErrors(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await requireAdminToken(req);
  const { id } = await ctx.params;
  if (!/^\d{1,9}$/.test(id)) throw new AppError("invalid", "grant", "The grant id must be a number.");
  const grant = await revokeWithAudit(await getDb(), actor, Number(id), "revoked through the Admin API");
  return Response.json({ id: grant.id, revokedAt: grant.revokedAt?.toISOString() ?? null });
});
