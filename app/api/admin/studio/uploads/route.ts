import { AppError, withErrors } from "@/lib/http/errors";
import { assertSameOrigin, getStaffActor } from "@/lib/studio/guard";
import { MAX_UPLOAD_BYTES, saveUpload } from "@/lib/studio/uploads";

export const dynamic = "force-dynamic";

// Hero image upload from the piece editor (editors and admins, session cookie). A route handler
// rather than a Server Action: actions cap bodies at 1 MB and report no upload progress.
export const POST = withErrors(async (req: Request) => {
  assertSameOrigin(req);
  if (!(await getStaffActor("editor"))) throw new AppError("forbidden", "upload", "Editors only.");
  if (Number(req.headers.get("content-length") ?? "0") > MAX_UPLOAD_BYTES)
    throw new AppError("payload_too_large", "heroImage", "이미지는 5MB 이하여야 합니다.");
  const saved = await saveUpload(Buffer.from(await req.arrayBuffer()));
  return Response.json(saved, { status: 201 });
});
