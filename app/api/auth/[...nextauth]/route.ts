import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { consumeSigninLimits, signinAddress, SIGNIN_LIMITED_MESSAGE } from "@/lib/auth/signin-limits";
import { clientIp } from "@/lib/http/client-ip";
import { errorResponse } from "@/lib/http/errors";
import { originOf, requireRequestPublication } from "@/lib/publications/current";
import { rateLimitSettings } from "@/lib/rate-limit";

const handler = NextAuth(authOptions);
type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth builds magic-link URLs and redirects from X-Forwarded-Host/Proto (lib/auth/options.ts).
// Those are replaced here by the canonical origin of the publication at the request's Host (an
// unknown Host is the primary's), so a sign-in comes back to the publication where it began and a
// forged Host can never put another site's address in a link.
function withPublicationOrigin(req: NextRequest, body: ArrayBuffer | null = null): { req: NextRequest; origin: string } {
  const origin = new URL(originOf(requireRequestPublication(req)));
  const headers = new Headers(req.headers);
  headers.set("x-forwarded-host", origin.host);
  headers.set("x-forwarded-proto", origin.protocol.replace(":", ""));
  return { req: new NextRequest(req.url, { method: req.method, headers, body }), origin: origin.origin };
}

// Sign-in and sign-out forms are a few hundred bytes.
const MAX_BODY_BYTES = 64 * 1024;

async function GET(req: NextRequest, ctx: Ctx) {
  try {
    return await handler(withPublicationOrigin(req).req, ctx);
  } catch (err) {
    return errorResponse(err);
  }
}

// Sending a magic link (POST /api/auth/signin/email) is limited here, in front of next-auth, so
// callers that skip the form's precheck meet the same per-IP and per-address limits. A refusal
// keeps next-auth's own JSON shape ({url} pointing at the error page, as when mail fails) so
// next-auth's client reports an error, and adds a 429 status and Retry-After for everyone else.
async function POST(req: NextRequest, ctx: Ctx) {
  const body = await req.arrayBuffer();
  if (body.byteLength > MAX_BODY_BYTES)
    return Response.json({ error: { code: "payload_too_large:body", message: "The request body is too large." } }, { status: 413 });
  // next-auth parses a body labelled JSON itself and answers an empty 500 when it does not parse;
  // its own client only ever sends form bodies, so refuse a broken JSON body with a clear 400.
  if (/^application\/json\b/i.test(req.headers.get("content-type") ?? "") && !isJson(body)) {
    return Response.json({ error: { code: "invalid:body", message: "The request body is not valid JSON." } }, { status: 400 });
  }
  let target: { req: NextRequest; origin: string };
  try {
    target = withPublicationOrigin(req, body);
  } catch (err) {
    return errorResponse(err);
  }
  if (new URL(req.url).pathname.endsWith("/signin/email")) {
    const form = await target.req
      .clone()
      .formData()
      .catch(() => null);
    const address = signinAddress(form?.get("email"));
    const limit = await consumeSigninLimits("send", clientIp(req, rateLimitSettings().trustedProxyHops), address);
    if (!limit.ok) {
      const s = String(limit.retryAfterSeconds);
      const url = `${target.origin}/signin/error?error=EmailSignin`;
      return Response.json({ url, error: { code: "rate_limited:signin", message: SIGNIN_LIMITED_MESSAGE } }, { status: 429, headers: { "Retry-After": s } });
    }
  }
  return handler(target.req, ctx);
}

function isJson(body: ArrayBuffer): boolean {
  try {
    JSON.parse(new TextDecoder().decode(body));
    return true;
  } catch {
    return false;
  }
}

export { GET, POST };
