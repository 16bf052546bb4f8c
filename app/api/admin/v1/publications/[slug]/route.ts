import { z } from "zod";
import { getDb } from "@/db/client";
import { paymentProviders } from "@/db/schema";
import { requireAdminToken } from "@/lib/admin-api/auth";
import { setPublicationProvider } from "@/lib/billing/provider";
import { AppError, withErrors } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

const patchSchema = z.object({ paymentProvider: z.enum(paymentProviders) }).strict();

// PATCH /api/admin/v1/publications/{slug} {"paymentProvider": "stripe"|"portone"} → which provider
// takes the publication's new checkouts (design §12). Network tokens only; audited.
export const PATCH = withErrors(async (req: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const actor = await requireAdminToken(req);
  const { slug } = await ctx.params;
  if (!/^[a-z0-9-]{1,40}$/.test(slug)) throw new AppError("not_found", "publication", "No such publication.");
  const body = patchSchema.parse(await req.json().catch(() => null));
  return Response.json(await setPublicationProvider(await getDb(), actor, slug, body.paymentProvider));
});
