import { z } from "zod";
import type { RateLimitRule } from "./window";

// Abuse limits, each configurable by environment (see README "Abuse limits"). Parsed here rather
// than in lib/env.ts until those names join the shared schema; empty strings count as unset.
const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const schema = z.object({
  SIGNIN_REQUESTS_PER_IP: count(20),
  SIGNIN_REQUESTS_PER_EMAIL: count(5),
  COMMENTS_PER_MINUTE: count(5),
  COMMENT_REPORTS_PER_MINUTE: count(20),
  ADMIN_API_REQUESTS_PER_MINUTE: count(300),
  SEARCH_REQUESTS_PER_MINUTE: count(30),
  // How many reverse proxies in front of Next append to X-Forwarded-For (lib/http/client-ip.ts).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  // Per-command budget for Redis before the limiter falls back to PostgreSQL.
  RATE_LIMIT_REDIS_TIMEOUT_MS: z.coerce.number().int().min(10).max(5000).default(250),
});

export type RateLimitSettings = {
  rules: {
    signinPerIp: RateLimitRule;
    signinPerEmail: RateLimitRule;
    comment: RateLimitRule;
    commentReport: RateLimitRule;
    adminApi: RateLimitRule;
    search: RateLimitRule;
  };
  trustedProxyHops: number;
  redisTimeoutMs: number;
};

const SIGNIN_WINDOW_SECONDS = 15 * 60;

export function parseRateLimitSettings(env: Record<string, string | undefined>): RateLimitSettings {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    // Names only, like lib/env.ts: values are never echoed.
    throw new Error(`Invalid rate-limit settings: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  }
  const e = parsed.data;
  return {
    rules: {
      signinPerIp: { name: "signin-ip", limit: e.SIGNIN_REQUESTS_PER_IP, windowSeconds: SIGNIN_WINDOW_SECONDS },
      signinPerEmail: { name: "signin-email", limit: e.SIGNIN_REQUESTS_PER_EMAIL, windowSeconds: SIGNIN_WINDOW_SECONDS },
      comment: { name: "comment", limit: e.COMMENTS_PER_MINUTE, windowSeconds: 60 },
      commentReport: { name: "comment-report", limit: e.COMMENT_REPORTS_PER_MINUTE, windowSeconds: 60 },
      adminApi: { name: "admin-api", limit: e.ADMIN_API_REQUESTS_PER_MINUTE, windowSeconds: 60 },
      search: { name: "search", limit: e.SEARCH_REQUESTS_PER_MINUTE, windowSeconds: 60 },
    },
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    redisTimeoutMs: e.RATE_LIMIT_REDIS_TIMEOUT_MS,
  };
}
