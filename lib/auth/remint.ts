import "server-only";
import type { NextRequest } from "next/server";
import { encode, getToken } from "next-auth/jwt";
import { getDb } from "@/db/client";
import { noteEpoch, noteGeneration } from "./epochs";
import { loadMemberAccess, type MemberAccess } from "./member-access";
import { SESSION_MAX_AGE_SECONDS } from "./options";
import { publicationTable } from "@/lib/publications/table";
import { authSecret } from "./secret";
import { sessionCookieAttributes, sessionCookieName } from "./session-cookie";

export type Reminted = { kind: "ok"; access: MemberAccess; setCookie: string } | { kind: "gone"; setCookie: string | null };

// Re-derives the caller's session claims from the database and encodes a new session cookie:
// for the proxy's stale sessions (app/api/session/refresh) and /api/me. The claims list
// `publicationId` (the one being visited) first. "gone": no valid session, or its member no longer
// exists (the cookie is cleared).
export async function remintSession(req: NextRequest, publicationId: number): Promise<Reminted> {
  const secret = authSecret();
  const name = sessionCookieName();
  const token = await getToken({ req, secret, cookieName: name }).catch(() => null);
  const mid = token && typeof token.mid === "number" ? token.mid : null;
  if (!token || mid === null) return { kind: "gone", setCookie: null };
  const access = await loadMemberAccess(await getDb(), mid, publicationId);
  if (!access) return { kind: "gone", setCookie: `${name}=; ${sessionCookieAttributes()}; Max-Age=0` };
  noteEpoch(mid, access.member.accessEpoch);
  noteGeneration(access.claims.gen);
  // Claims of older shapes (a single timeline `tl`) are dropped, not carried along.
  const kept: Record<string, unknown> = { ...token };
  delete kept.tl;
  // The host the member signed in on stays the session's (sessions from before publications: the primary's).
  const sp = typeof token.sp === "number" ? token.sp : (publicationTable()?.primary.id ?? null);
  const fresh = await encode({ token: { ...kept, ...access.claims, sp, email: access.member.email }, secret, maxAge: SESSION_MAX_AGE_SECONDS });
  return { kind: "ok", access, setCookie: `${name}=${fresh}; ${sessionCookieAttributes()}; Max-Age=${SESSION_MAX_AGE_SECONDS}` };
}
