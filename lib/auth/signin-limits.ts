import "server-only";
import { normalizeEmail } from "@/db/queries/members";
import { consumeLimit, limitRules } from "@/lib/rate-limit";
import { emailSchema } from "./email";

// Sign-in link limits, per client IP and per address. They are keyed on what the requester typed,
// never on whether an account exists, and every refusal is the same answer — so neither the
// limit nor its response tells anyone whether an address has an account.
//
// Two budgets of equal size: `check` is spent by the form's precheck (a friendly message before
// next-auth is asked), `send` by the next-auth route itself, which is what actually mails a link
// and so must be limited for callers that skip the form.
export type SigninStage = "check" | "send";

export type SigninLimit = { ok: true } | { ok: false; retryAfterSeconds: number };

export function signinAddress(value: unknown): string | null {
  const parsed = emailSchema.safeParse(value);
  return parsed.success ? normalizeEmail(parsed.data) : null;
}

export async function consumeSigninLimits(stage: SigninStage, ip: string, address: string | null): Promise<SigninLimit> {
  const { signinPerIp, signinPerEmail } = limitRules();
  const checks = [{ ...signinPerIp, name: `${signinPerIp.name}-${stage}`, subject: ip }];
  if (address) checks.push({ ...signinPerEmail, name: `${signinPerEmail.name}-${stage}`, subject: address });
  let retryAfterSeconds = 0;
  // Both counters always count, so an address cannot probe the IP budget's state or vice versa.
  for (const { subject, ...rule } of checks) {
    const r = await consumeLimit(rule, subject);
    if (!r.ok) retryAfterSeconds = Math.max(retryAfterSeconds, r.retryAfterSeconds);
  }
  return retryAfterSeconds > 0 ? { ok: false, retryAfterSeconds } : { ok: true };
}

export const SIGNIN_LIMITED_MESSAGE = "Too many sign-in requests. Try again later.";
