import type { NextRequest } from "next/server";
import { resolveRequestIdentity } from "@/lib/auth/proxy-session";
import { PUBLICATION_RESPONSE_HEADER, TIER_RESPONSE_HEADER } from "@/lib/edge/proxy-edge";
import { publicationOfRequest } from "@/lib/publications/table";

export const dynamic = "force-dynamic";

// nginx's auth_request target in the auth_request edge mode (deploy/nginx/tier-auth-request.conf):
// the reader's tier for this instant in the publication at the request's host, in a header, from
// the session token alone — no database query unless the token is stale — and the publication it
// is for, so nginx never applies it under another publication's key. Always 204: every reader
// may read the teaser of its tier (503 while the publication table is loading).
export async function GET(request: NextRequest) {
  const pub = publicationOfRequest(request);
  if (!pub) return new Response(null, { status: 503, headers: { "Cache-Control": "no-store" } });
  const identity = await resolveRequestIdentity(request, pub.id);
  const headers = new Headers({ [TIER_RESPONSE_HEADER]: identity.tier, [PUBLICATION_RESPONSE_HEADER]: pub.slug, "Cache-Control": "no-store" });
  if (identity.setCookie) headers.append("Set-Cookie", identity.setCookie);
  return new Response(null, { status: 204, headers });
}
