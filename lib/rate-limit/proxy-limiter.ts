import { processSlot } from "@/lib/process-state";
import { createRateLimiter, type RateLimiter } from "./limiter";
import { createMemoryStore } from "./memory-store";
import { createRedisStore } from "./redis-store";
import { parseRateLimitSettings, type RateLimitSettings } from "./settings";

// The limiter proxy.ts may use: Redis when REDIS_URL is set (shared by every instance), else this
// instance's memory. It never touches the database, keeping the proxy's steady state query-free.
export function proxyRateLimiter(): { limiter: RateLimiter; settings: RateLimitSettings } {
  return processSlot("proxyRateLimiter", () => {
    const settings = parseRateLimitSettings(process.env);
    const redisUrl = process.env.REDIS_URL || undefined;
    const stores = [...(redisUrl ? [createRedisStore(redisUrl, settings.redisTimeoutMs)] : []), createMemoryStore()];
    return { limiter: createRateLimiter({ stores }), settings };
  });
}
