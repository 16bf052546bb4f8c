import { getDb } from "@/db/client";
import { AppError, withErrors } from "@/lib/http/errors";
import { publicationById } from "@/lib/publications/table";
import { getStaffActor } from "@/lib/studio/guard";
import { exportMembersCsv } from "@/lib/studio/members-export";
import { DEFAULT_TIME_ZONE, formatDay } from "@/lib/time/format";

export const dynamic = "force-dynamic";

// The member list as CSV (issue 20 item 13): email addresses of every member, so admins only,
// checked here and not only by hiding the link.
export const GET = withErrors(async (req: Request) => {
  const actor = await getStaffActor("admin");
  if (!actor) throw new AppError("forbidden", "export", "관리자만 내보낼 수 있습니다 (admins only).");
  const params = new URL(req.url).searchParams;
  const timeZone = publicationById(actor.publicationId)?.timeZone ?? DEFAULT_TIME_ZONE;
  const filters = { q: (params.get("q") ?? "").trim().slice(0, 200), tier: (params.get("tier") ?? "").slice(0, 64) };
  const body = await exportMembersCsv(await getDb(), actor, filters, timeZone);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="members-${formatDay(new Date(), timeZone)}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
