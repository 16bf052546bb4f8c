import { rateLimitEnv, type RateLimitEnv } from "@/lib/env";
import type { RateLimitRule } from "./window";

// The abuse limits as rules. The variables are defined and parsed once, in lib/env.ts
// (`rateLimitEnv`); this only shapes them.
export type RateLimitSettings = {
  rules: {
    signinPerIp: RateLimitRule;
    signinPerEmail: RateLimitRule;
    comment: RateLimitRule;
    commentReport: RateLimitRule;
    adminApi: RateLimitRule;
    search: RateLimitRule;
    invitation: RateLimitRule;
  };
  trustedProxyHops: number;
  redisTimeoutMs: number;
};

const SIGNIN_WINDOW_SECONDS = 15 * 60;
// Invitations are mail to addresses that asked for nothing: a stolen editor session must not turn
// the publication's sending domain into a spam source. Bulk onboarding goes through the member
// import, whose "account moved" notice is one deliberate step per publication.
const INVITATIONS_PER_HOUR = 100;

/** The rules from the parsed environment (`getEnv()`). */
export function rateLimitSettingsFrom(e: RateLimitEnv): RateLimitSettings {
  return {
    rules: {
      signinPerIp: { name: "signin-ip", limit: e.SIGNIN_REQUESTS_PER_IP, windowSeconds: SIGNIN_WINDOW_SECONDS },
      signinPerEmail: { name: "signin-email", limit: e.SIGNIN_REQUESTS_PER_EMAIL, windowSeconds: SIGNIN_WINDOW_SECONDS },
      comment: { name: "comment", limit: e.COMMENTS_PER_MINUTE, windowSeconds: 60 },
      commentReport: { name: "comment-report", limit: e.COMMENT_REPORTS_PER_MINUTE, windowSeconds: 60 },
      adminApi: { name: "admin-api", limit: e.ADMIN_API_REQUESTS_PER_MINUTE, windowSeconds: 60 },
      search: { name: "search", limit: e.SEARCH_REQUESTS_PER_MINUTE, windowSeconds: 60 },
      invitation: { name: "invitation", limit: INVITATIONS_PER_HOUR, windowSeconds: 3600 },
    },
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    redisTimeoutMs: e.RATE_LIMIT_REDIS_TIMEOUT_MS,
  };
}

/** The rules from a raw environment record (tests), with lib/env.ts's definitions; empty strings count as unset. */
export function parseRateLimitSettings(env: Record<string, string | undefined>): RateLimitSettings {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = rateLimitEnv.safeParse(raw);
  if (!parsed.success) {
    // Names only, like lib/env.ts: values are never echoed.
    throw new Error(`Invalid rate-limit settings: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  }
  return rateLimitSettingsFrom(parsed.data);
}
