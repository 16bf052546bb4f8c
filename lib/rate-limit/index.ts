import "server-only";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { processSlot } from "@/lib/process-state";
import { createRateLimiter, type RateLimiter } from "./limiter";
import { createMemoryStore } from "./memory-store";
import { createPostgresStore } from "./postgres-store";
import { createRedisStore } from "./redis-store";
import { rateLimitSettingsFrom, type RateLimitSettings } from "./settings";
import type { RateLimitResult, RateLimitRule } from "./window";

export type { RateLimitResult, RateLimitRule } from "./window";

// One limiter per process (a process slot) because Next bundles route handlers, pages and actions
// separately and each bundle would otherwise open its own Redis connection.
function state(): { limiter: RateLimiter; settings: RateLimitSettings } {
  return processSlot("rateLimiter", () => {
    const env = getEnv();
    const settings = rateLimitSettingsFrom(env);
    const redisUrl = env.REDIS_URL;
    const stores = [...(redisUrl ? [createRedisStore(redisUrl, settings.redisTimeoutMs)] : []), createPostgresStore(getDb), createMemoryStore()];
    return { limiter: createRateLimiter({ stores }), settings };
  });
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
