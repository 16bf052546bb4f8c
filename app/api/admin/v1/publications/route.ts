import { requireAdminToken } from "@/lib/admin-api/auth";
import { AppError, withErrors } from "@/lib/http/errors";
import { listPublicationViews, originOf } from "@/lib/publications/current";

export const dynamic = "force-dynamic";

// GET /api/admin/v1/publications → every publication of the install (design §10). Network tokens
// only (ADMIN_API_TOKEN, or a CLI token made without --publication).
export const GET = withErrors(async (req: Request) => {
  const actor = await requireAdminToken(req);
  if (!actor.network) throw new AppError("forbidden", "publications", "Only a network token lists publications.");
  const publications = await listPublicationViews();
  return Response.json({
    publications: publications.map((p) => ({
      slug: p.slug,
      name: p.name,
      nameEn: p.nameEn,
      locale: p.locale,
      primary: p.isPrimary,
      hosts: p.hosts,
      url: originOf(p),
    })),
  });
});
