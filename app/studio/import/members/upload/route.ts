import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { getDb } from "@/db/client";
import { AppError, withErrors } from "@/lib/http/errors";
import { fileEncodings, type FileEncoding } from "@/lib/import/members/decode";
import { BACKGROUND_DUTY, importMembers, MAX_MEMBER_FILE_BYTES, type MemberImportOptions } from "@/lib/import/members/importer";
import { memberImportFormats, MemberImportOptionError, type MemberImportFormat } from "@/lib/import/members/types";
import { assertSameOrigin, getStaffActor } from "@/lib/studio/guard";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

// The studio's member import (admins; session cookie). The browser posts the file as the body and
// the options in the query string (format, encoding, newsletter, paidUntil, skipInvalid, dryRun,
// map = a JSON object of level → tier). The upload is written to a temporary file, because the
// import reads the file twice (check, then import) and never holds it whole; the answer is the
// same report as the CLI's.

const TOO_LARGE = "파일이 50MB보다 큽니다 (files over 50 MB: use npm run masthead -- import:members).";

function options(params: URLSearchParams): MemberImportOptions {
  const format = params.get("format") ?? "";
  if (!(memberImportFormats as readonly string[]).includes(format))
    throw new AppError("invalid", "format", `형식을 고르세요: ${memberImportFormats.join(", ")}`);
  const encoding = params.get("encoding") ?? "utf-8";
  if (!(fileEncodings as readonly string[]).includes(encoding)) throw new AppError("invalid", "encoding", "인코딩은 utf-8 또는 cp949입니다.");
  let map: Record<string, string> = {};
  try {
    const parsed: unknown = JSON.parse(params.get("map") ?? "{}");
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === "string"))
      throw new Error("not a map");
    map = parsed as Record<string, string>;
  } catch {
    throw new AppError("invalid", "map", "등급 대응표(map)가 올바르지 않습니다.");
  }
  return {
    format: format as MemberImportFormat,
    encoding: encoding as FileEncoding,
    map,
    newsletterDefault: params.get("newsletter") === "yes",
    paidUntil: params.get("paidUntil") || null,
    skipInvalid: params.get("skipInvalid") === "1",
    dryRun: params.get("dryRun") === "1",
    // This runs in the server that answers readers, on its one thread: rest between batches like
    // the CLI does by default, so pages keep their share while an admin's import runs.
    duty: BACKGROUND_DUTY,
  };
}

async function saveUpload(body: ReadableStream<Uint8Array>, file: string): Promise<number> {
  const out = fs.createWriteStream(file);
  const reader = body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_MEMBER_FILE_BYTES) throw new AppError("payload_too_large", "import", TOO_LARGE);
      if (!out.write(value)) await once(out, "drain");
    }
  } finally {
    out.end();
    await once(out, "close");
  }
  return total;
}

export const POST = withErrors(async (req: Request) => {
  assertSameOrigin(req);
  const actor = await getStaffActor("admin");
  if (!actor) throw new AppError("forbidden", "import", "관리자만 가져올 수 있습니다 (admins only).");
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_MEMBER_FILE_BYTES) throw new AppError("payload_too_large", "import", TOO_LARGE);
  const opts = options(new URL(req.url).searchParams);
  if (!req.body) throw new AppError("invalid", "import", "파일이 비어 있습니다.");
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "masthead-members-"));
  const file = path.join(dir, "upload.csv");
  try {
    const received = await saveUpload(req.body, file);
    // A body cut short on the way (e.g. a proxy's body limit) must not import as a shorter file.
    if (declared && received !== declared)
      throw new AppError("bad_request", "import", `파일이 끝까지 오지 않았습니다 (${received} / ${declared} bytes): 명령줄로 가져오세요.`);
    const report = await importMembers(await getDb(), actor, () => fs.createReadStream(file, { highWaterMark: 256 * 1024 }), opts);
    return Response.json({ ok: true, report });
  } catch (err) {
    if (err instanceof MemberImportOptionError) throw new AppError("invalid", "import", err.message);
    throw err;
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
});
