import { emailSchema } from "@/lib/auth/email";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { consumeRateLimit } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

// Checked by the sign-in form before it asks next-auth for a link: a clear form error for a bad
// address, and per-address and per-IP limits. The answer never depends on whether an account
// exists for the address.
export async function POST(req: Request) {
  let email: unknown;
  try {
    email = ((await req.json()) as { email?: unknown }).email;
  } catch {
    return Response.json({ error: { code: "bad_request:signin", message: "Send JSON with an email field." } }, { status: 400 });
  }
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) return Response.json({ error: { code: "invalid:email", message: "Enter a valid email address." } }, { status: 422 });
  const address = parsed.data.toLowerCase();
  for (const [key, limit] of [
    [`signin:ip:${clientIp(req)}`, getEnv().SIGNIN_REQUESTS_PER_IP],
    [`signin:email:${address}`, 5],
  ] as const) {
    const r = await consumeRateLimit(key, limit, 15 * 60);
    if (!r.ok) {
      return Response.json(
        { error: { code: "rate_limited:signin", message: "Too many sign-in requests. Try again later.", retryAfterSeconds: r.retryAfterSeconds } },
        { status: 429, headers: { "Retry-After": String(r.retryAfterSeconds) } },
      );
    }
  }
  return Response.json({ ok: true });
}
