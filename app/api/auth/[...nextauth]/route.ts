import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { consumeSigninLimits, signinAddress, SIGNIN_LIMITED_MESSAGE } from "@/lib/auth/signin-limits";
import { siteUrl } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { rateLimitSettings } from "@/lib/rate-limit";

const handler = NextAuth(authOptions);
type Ctx = { params: Promise<{ nextauth: string[] }> };

// Sending a magic link (POST /api/auth/signin/email) is limited here, in front of next-auth, so
// callers that skip the form's precheck meet the same per-IP and per-address limits. A refusal
// keeps next-auth's own JSON shape ({url} pointing at the error page, as when mail fails) so
// next-auth's client reports an error, and adds a 429 status and Retry-After for everyone else.
async function POST(req: NextRequest, ctx: Ctx) {
  // next-auth parses a body labelled JSON itself and answers an empty 500 when it does not parse;
  // its own client only ever sends form bodies, so refuse a broken JSON body with a clear 400.
  if (/^application\/json\b/i.test(req.headers.get("content-type") ?? "") && !(await hasJsonBody(req))) {
    return Response.json({ error: { code: "invalid:body", message: "The request body is not valid JSON." } }, { status: 400 });
  }
  if (new URL(req.url).pathname.endsWith("/signin/email")) {
    const form = await req.clone().formData().catch(() => null);
    const address = signinAddress(form?.get("email"));
    const limit = await consumeSigninLimits("send", clientIp(req, rateLimitSettings().trustedProxyHops), address);
    if (!limit.ok) {
      const s = String(limit.retryAfterSeconds);
      const url = `${siteUrl()}/signin/error?error=EmailSignin`;
      return Response.json({ url, error: { code: "rate_limited:signin", message: SIGNIN_LIMITED_MESSAGE } }, { status: 429, headers: { "Retry-After": s } });
    }
  }
  return handler(req, ctx);
}

async function hasJsonBody(req: NextRequest): Promise<boolean> {
  try {
    JSON.parse(await req.clone().text());
    return true;
  } catch {
    return false;
  }
}

export { handler as GET, POST };
