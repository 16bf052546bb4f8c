import "server-only";
import { getDb } from "@/db/client";
import { createRateLimiter, type RateLimiter } from "./limiter";
import { createMemoryStore } from "./memory-store";
import { createPostgresStore } from "./postgres-store";
import { createRedisStore } from "./redis-store";
import { parseRateLimitSettings, type RateLimitSettings } from "./settings";
import type { RateLimitResult, RateLimitRule } from "./window";

export type { RateLimitResult, RateLimitRule } from "./window";

// One limiter per process, kept on globalThis because Next bundles route handlers, pages and
// actions separately and each bundle would otherwise open its own Redis connection.
const KEY = Symbol.for("masthead.rateLimiter");
type Holder = { [KEY]?: { limiter: RateLimiter; settings: RateLimitSettings } };

function state() {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const settings = parseRateLimitSettings(process.env);
    const redisUrl = process.env.REDIS_URL || undefined;
    const stores = [
      ...(redisUrl ? [createRedisStore(redisUrl, settings.redisTimeoutMs)] : []),
      createPostgresStore(getDb),
      createMemoryStore(),
    ];
    holder[KEY] = { limiter: createRateLimiter({ stores }), settings };
  }
  return holder[KEY];
}

export function rateLimitSettings(): RateLimitSettings {
  return state().settings;
}

export function limitRules(): RateLimitSettings["rules"] {
  return state().settings.rules;
}

// Counts one request by `subject` (an IP, a normalised address, a member or token id) against `rule`.
export function consumeLimit(rule: RateLimitRule, subject: string, now = new Date()): Promise<RateLimitResult> {
  return state().limiter.consume(rule, subject, now);
}
