import { limitKey } from "./keys";
import type { CounterStore } from "./store";
import { decide, type RateLimitResult, type RateLimitRule } from "./window";

export type RateLimiter = {
  consume(rule: RateLimitRule, subject: string, now?: Date): Promise<RateLimitResult>;
  // Which store answered the last check (for logs and tests).
  lastStore(): string | null;
};

type Options = { stores: CounterStore[]; log?: (message: string) => void; cooldownMs?: number };

// Tries the stores in order (Redis, then PostgreSQL, then process memory) and uses the first that
// answers. A failing store is skipped for a short cooldown so an outage costs one timeout per
// cooldown, not one per request; its outage and recovery are each logged once. A limiter error
// never becomes a 500: the last store (memory) cannot fail.
export function createRateLimiter({ stores, log = (m) => console.warn(m), cooldownMs = 2000 }: Options): RateLimiter {
  if (stores.length === 0) throw new Error("a rate limiter needs at least one store");
  const downSince = new Map<string, number>();
  const skipUntil = new Map<string, number>();
  let last: string | null = null;

  return {
    async consume(rule, subject, now = new Date()) {
      const nowMs = now.getTime();
      const key = limitKey(rule, subject);
      let lastError: unknown;
      for (const [index, store] of stores.entries()) {
        const isLast = index === stores.length - 1;
        if (!isLast && (skipUntil.get(store.name) ?? 0) > Date.now()) continue;
        try {
          const hit = await store.hit(key, rule.windowSeconds * 1000, nowMs);
          if (downSince.delete(store.name)) log(`[rate-limit] ${store.name} is answering again; counting there.`);
          last = store.name;
          return decide(hit, rule.limit, nowMs);
        } catch (err) {
          lastError = err;
          skipUntil.set(store.name, Date.now() + cooldownMs);
          if (!downSince.has(store.name)) {
            downSince.set(store.name, Date.now());
            const next = stores[index + 1]?.name ?? "nowhere";
            // The error's kind and message only: connection URLs may carry passwords.
            log(
              `[rate-limit] ${store.name} unavailable (${err instanceof Error ? err.message.replace(/\/\/[^@\s]*@/g, "//***@") : typeof err}); counting in ${next} until it returns.`,
            );
          }
        }
      }
      throw lastError;
    },
    lastStore: () => last,
  };
}
