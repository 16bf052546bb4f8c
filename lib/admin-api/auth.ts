import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getDb } from "@/db/client";
import { getActiveTokenByHash, touchApiToken } from "@/db/queries/studio-tokens";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { requireRequestPublication } from "@/lib/publications/current";
import { consumeLimit, limitRules } from "@/lib/rate-limit";
import type { Actor } from "@/lib/studio/audit";
import { hashToken } from "./tokens";

const digest = (s: string) => createHash("sha256").update(s).digest();
const TOUCH_EVERY_MS = 60_000;

// Acts in the publication at the request's host (design §10).
export type TokenActor = Actor & { actor: string; publicationId: number };

// Bearer-token check for the Admin API. ADMIN_API_TOKEN bootstraps access (compared in constant
// time); tokens created in the studio or CLI are looked up by their SHA-256, so the stored value is
// never the secret, and record when they were last used. Each token then spends from its own
// per-minute budget (429 with Retry-After past it).
export async function requireAdminToken(req: Request): Promise<TokenActor> {
  const { actor, budget } = await authenticateAdminToken(req);
  const limit = await consumeLimit(limitRules().adminApi, budget);
  if (!limit.ok) {
    const s = limit.retryAfterSeconds;
    throw new AppError("rate_limited", "admin_api", `Too many requests for this token. Try again in ${s} seconds.`, { "Retry-After": String(s) });
  }
  return actor;
}

// `budget` names the token's rate-limit budget: its id, which survives a rename.
// ADMIN_API_TOKEN and tokens made by the CLI without a publication work in every publication; a
// studio token only in its own: elsewhere it is refused with 403.
async function authenticateAdminToken(req: Request): Promise<{ actor: TokenActor; budget: string }> {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S{16,512})$/i.exec(header);
  if (!match) throw new AppError("unauthorized", "admin_api", "Send Authorization: Bearer <token>.");
  const pub = requireRequestPublication(req);
  const bootstrap = getEnv().ADMIN_API_TOKEN;
  if (bootstrap && timingSafeEqual(digest(match[1]), digest(bootstrap))) {
    return {
      actor: { actor: "bootstrap-token", label: "bootstrap-token", memberId: null, role: "admin", publicationId: pub.id, network: true },
      budget: "bootstrap",
    };
  }
  const db = await getDb();
  const token = await getActiveTokenByHash(db, hashToken(match[1]));
  if (!token) throw new AppError("unauthorized", "admin_api", "The token is not valid.");
  if (token.publicationId !== null && token.publicationId !== pub.id)
    throw new AppError("forbidden", "publication", "This token works only in the publication it was made in.");
  const now = new Date();
  await touchApiToken(db, token.id, now, new Date(now.getTime() - TOUCH_EVERY_MS));
  const label = `token:${token.id} (${token.name})`;
  return {
    actor: { actor: label, label, memberId: token.createdBy, role: "admin", publicationId: pub.id, network: token.publicationId === null },
    budget: `token:${token.id}`,
  };
}
