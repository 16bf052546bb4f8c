import type { NextRequest } from "next/server";
import { REMINT_PUBLICATION_HEADER } from "@/lib/auth/proxy-session";
import { remintSession } from "@/lib/auth/remint";
import { withErrors } from "@/lib/http/errors";
import { requireRequestPublication } from "@/lib/publications/current";
import { publicationById } from "@/lib/publications/table";

export const dynamic = "force-dynamic";

// Re-mints the caller's session token from the database. The proxy calls this when a token is
// stale (a newer access epoch is known, its timeline ran out, it is older than this instance can
// vouch for, or it does not cover the publication being visited) and passes the new cookie on.
// The proxy names the publication (the loopback call's own Host is not the reader's); a browser
// calling it directly gets its host's.
export const POST = withErrors(async (req: NextRequest) => {
  const named = Number(req.headers.get(REMINT_PUBLICATION_HEADER));
  const pub = (Number.isInteger(named) ? publicationById(named) : null) ?? requireRequestPublication(req);
  const result = await remintSession(req, pub.id);
  if (result.kind === "gone") {
    const message = result.setCookie ? "The account no longer exists." : "No valid session.";
    return Response.json(
      { error: { code: "unauthorized:session", message } },
      { status: 401, headers: result.setCookie ? { "Set-Cookie": result.setCookie } : undefined },
    );
  }
  return Response.json({ claims: result.access.claims }, { headers: { "Set-Cookie": result.setCookie, "Cache-Control": "no-store" } });
});
