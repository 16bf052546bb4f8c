import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

const digest = (s: string) => createHash("sha256").update(s).digest();

// Bearer-token check for the Admin API. ADMIN_API_TOKEN bootstraps access; tokens created in the
// studio (hashed at rest) are accepted too once that lands. Compared in constant time.
export async function requireAdminToken(req: Request): Promise<{ actor: string }> {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S{16,512})$/i.exec(header);
  if (!match) throw new AppError("unauthorized", "admin_api", "Send Authorization: Bearer <token>.");
  const bootstrap = getEnv().ADMIN_API_TOKEN;
  if (bootstrap && timingSafeEqual(digest(match[1]), digest(bootstrap))) return { actor: "bootstrap-token" };
  throw new AppError("unauthorized", "admin_api", "The token is not valid.");
}
