import { consumeSigninLimits, signinAddress, SIGNIN_LIMITED_MESSAGE } from "@/lib/auth/signin-limits";
import { clientIp } from "@/lib/http/client-ip";
import { rateLimitSettings } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

// Checked by the sign-in form before it asks next-auth for a link: a clear form error for a bad
// address, and the per-address and per-IP limits. The answer never depends on whether an account
// exists for the address (no lookup happens here at all).
export async function POST(req: Request) {
  let email: unknown;
  try {
    email = ((await req.json()) as { email?: unknown }).email;
  } catch {
    return Response.json({ error: { code: "bad_request:signin", message: "Send JSON with an email field." } }, { status: 400 });
  }
  const address = signinAddress(email);
  if (!address) return Response.json({ error: { code: "invalid:email", message: "Enter a valid email address." } }, { status: 422 });
  const limit = await consumeSigninLimits("check", clientIp(req, rateLimitSettings().trustedProxyHops), address);
  if (!limit.ok) {
    const s = limit.retryAfterSeconds;
    return Response.json(
      { error: { code: "rate_limited:signin", message: SIGNIN_LIMITED_MESSAGE, retryAfterSeconds: s } },
      { status: 429, headers: { "Retry-After": String(s) } },
    );
  }
  return Response.json({ ok: true });
}
