import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

// Hero images uploaded in the studio, stored on local disk under <data dir>/uploads. The type is
// decided from the file's first bytes, never from its name or the declared content type.

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const UPLOAD_URL_PREFIX = "/api/admin/uploads/";

const kinds = [
  { ext: "jpg", type: "image/jpeg", test: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: "png", type: "image/png", test: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { ext: "gif", type: "image/gif", test: (b: Buffer) => b.subarray(0, 4).toString("latin1") === "GIF8" },
  { ext: "webp", type: "image/webp", test: (b: Buffer) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP" },
  { ext: "avif", type: "image/avif", test: (b: Buffer) => b.subarray(4, 12).toString("latin1") === "ftypavif" },
] as const;

export const uploadDir = () => path.resolve(getEnv().MASTHEAD_DATA_DIR, "uploads");

export async function saveUpload(bytes: Buffer): Promise<{ url: string; type: string; size: number }> {
  if (bytes.length === 0) throw new AppError("invalid", "heroImage", "빈 파일입니다.");
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError("payload_too_large", "heroImage", "이미지는 5MB 이하여야 합니다.");
  const kind = kinds.find((k) => k.test(bytes));
  if (!kind) throw new AppError("invalid", "heroImage", "JPEG, PNG, GIF, WebP, AVIF 이미지만 올릴 수 있습니다.");
  // Content-addressed: the same image uploaded twice is one file, and names cannot be guessed.
  const name = `${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}.${kind.ext}`;
  await fs.mkdir(uploadDir(), { recursive: true });
  await fs.writeFile(path.join(uploadDir(), name), bytes);
  return { url: `${UPLOAD_URL_PREFIX}${name}`, type: kind.type, size: bytes.length };
}

export async function readUpload(name: string): Promise<{ bytes: Buffer; type: string } | null> {
  const m = /^[0-9a-f]{32}\.(jpg|png|gif|webp|avif)$/.exec(name);
  if (!m) return null;
  const kind = kinds.find((k) => k.ext === m[1]);
  try {
    return { bytes: await fs.readFile(path.join(uploadDir(), name)), type: kind?.type ?? "application/octet-stream" };
  } catch {
    return null;
  }
}
