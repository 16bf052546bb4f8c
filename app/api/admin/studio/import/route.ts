import { getDb } from "@/db/client";
import { AppError, withErrors } from "@/lib/http/errors";
import { dict } from "@/lib/i18n";
import { importWxr, MAX_WXR_BYTES, parseNavSections } from "@/lib/import/wxr";
import { ImportOptionError, WxrError } from "@/lib/import/wxr-types";
import { assertSameOrigin, getStaffActor } from "@/lib/studio/guard";
import { relatedAllTag } from "@/lib/articles/cache-tags";
import { revalidateContent } from "@/lib/studio/revalidate";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

// The studio's WXR upload (admins; session cookie, not a bearer token). A plain POST of the file
// body, so the browser can report upload progress; options ride in the query string
// (?protectedAccess=free|public|<tier>, dryRun=1 to report without writing, navSections=a,b for
// the new sections that join the header navigation). Nothing is written unless the options are valid and the
// whole file parses and imports.
export const POST = withErrors(async (req: Request) => {
  assertSameOrigin(req);
  const actor = await getStaffActor("admin");
  if (!actor) throw new AppError("forbidden", "import", "관리자만 가져올 수 있습니다 (admins only).");
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_WXR_BYTES) throw new AppError("payload_too_large", "import", "파일이 50MB보다 큽니다.");
  const params = new URL(req.url).searchParams;
  const protectedAccess = params.get("protectedAccess") ?? undefined;
  const dryRun = params.get("dryRun") === "1";
  const navSections = parseNavSections(params.get("navSections"));
  const xml = await req.text();
  if (xml.length > MAX_WXR_BYTES) throw new AppError("payload_too_large", "import", "파일이 50MB보다 큽니다.");
  try {
    const report = await importWxr(await getDb(), actor, xml, { protectedAccess, dryRun, navSections });
    if (dryRun) return Response.json({ ok: true, report, summary: `${dict("ko").studioImport.dryRunDone}\n${dict("ko").studioImport.summary(report)}` });
    revalidateContent({ publicationId: actor.publicationId, slugs: report.slugs, lists: true, taxonomy: true, related: [relatedAllTag(actor.publicationId)] });
    return Response.json({ ok: true, report, summary: dict("ko").studioImport.summary(report) });
  } catch (err) {
    if (err instanceof WxrError) throw new AppError("invalid", "wxr", `${err.message} — 아무것도 가져오지 않았습니다.`);
    if (err instanceof ImportOptionError) {
      throw new AppError("invalid", "protected_access", dict("ko").studioImport.unknownAccess(err.value.slice(0, 64), err.allowed.join(", ")));
    }
    throw err;
  }
});
