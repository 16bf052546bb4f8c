import type { NextRequest } from "next/server";
import { encode, getToken } from "next-auth/jwt";
import { getDb } from "@/db/client";
import { noteEpoch } from "@/lib/auth/epochs";
import { loadMemberAccess } from "@/lib/auth/member-access";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName } from "@/lib/auth/options";
import { authSecret } from "@/lib/auth/secret";
import { siteUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

// Re-mints the caller's session token from the database. The proxy calls this when a token is
// stale (a newer access epoch is known, or its timeline ran out) and passes the new cookie on.
export async function POST(req: NextRequest) {
  const secret = authSecret();
  const cookieName = sessionCookieName();
  const token = await getToken({ req, secret, cookieName }).catch(() => null);
  const mid = token && typeof token.mid === "number" ? token.mid : null;
  if (!token || mid === null) return Response.json({ error: { code: "unauthorized:session", message: "No valid session." } }, { status: 401 });

  const loaded = await loadMemberAccess(await getDb(), mid);
  const secure = siteUrl().startsWith("https://");
  const attrs = `Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  if (!loaded) {
    return Response.json({ error: { code: "unauthorized:session", message: "The account no longer exists." } }, { status: 401, headers: { "Set-Cookie": `${cookieName}=; ${attrs}; Max-Age=0` } });
  }
  noteEpoch(mid, loaded.member.accessEpoch);
  const fresh = await encode({ token: { ...token, ...loaded.claims, email: loaded.member.email }, secret, maxAge: SESSION_MAX_AGE_SECONDS });
  return Response.json(
    { claims: loaded.claims },
    { headers: { "Set-Cookie": `${cookieName}=${fresh}; ${attrs}; Max-Age=${SESSION_MAX_AGE_SECONDS}`, "Cache-Control": "no-store" } },
  );
}
