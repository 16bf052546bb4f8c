import type { NextRequest } from "next/server";
import { remintSession } from "@/lib/auth/remint";

export const dynamic = "force-dynamic";

// Re-mints the caller's session token from the database. The proxy calls this when a token is
// stale (a newer access epoch is known, its timeline ran out, or it is older than this instance
// can vouch for) and passes the new cookie on.
export async function POST(req: NextRequest) {
  const result = await remintSession(req);
  if (result.kind === "gone") {
    const message = result.setCookie ? "The account no longer exists." : "No valid session.";
    return Response.json({ error: { code: "unauthorized:session", message } }, { status: 401, headers: result.setCookie ? { "Set-Cookie": result.setCookie } : undefined });
  }
  return Response.json({ claims: result.access.claims }, { headers: { "Set-Cookie": result.setCookie, "Cache-Control": "no-store" } });
}
