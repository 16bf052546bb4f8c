import type { NextRequest } from "next/server";
import { resolveRequestIdentity } from "@/lib/auth/proxy-session";
import { TIER_RESPONSE_HEADER } from "@/lib/edge/proxy-edge";

export const dynamic = "force-dynamic";

// nginx's auth_request target in the auth_request edge mode (deploy/nginx/masthead-auth-request.conf):
// the reader's tier for this instant in a header, from the session token alone — no database
// query unless the token is stale. Always 204: every reader may read the teaser of its tier.
export async function GET(request: NextRequest) {
  const identity = await resolveRequestIdentity(request);
  const headers = new Headers({ [TIER_RESPONSE_HEADER]: identity.tier, "Cache-Control": "no-store" });
  if (identity.setCookie) headers.append("Set-Cookie", identity.setCookie);
  return new Response(null, { status: 204, headers });
}
