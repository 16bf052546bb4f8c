import { getEnv } from "@/lib/env";
import { processSlot } from "@/lib/process-state";
import { createRateLimiter, type RateLimiter } from "./limiter";
import { createMemoryStore } from "./memory-store";
import { createRedisStore } from "./redis-store";
import { rateLimitSettingsFrom, type RateLimitSettings } from "./settings";

// The limiter proxy.ts may use: Redis when REDIS_URL is set (shared by every instance), else this
// instance's memory. It never touches the database, keeping the proxy's steady state query-free.
export function proxyRateLimiter(): { limiter: RateLimiter; settings: RateLimitSettings } {
  return processSlot("proxyRateLimiter", () => {
    const env = getEnv();
    const settings = rateLimitSettingsFrom(env);
    const redisUrl = env.REDIS_URL;
    const stores = [...(redisUrl ? [createRedisStore(redisUrl, settings.redisTimeoutMs)] : []), createMemoryStore()];
    return { limiter: createRateLimiter({ stores }), settings };
  });
}
