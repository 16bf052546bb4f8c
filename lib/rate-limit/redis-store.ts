import { createClient } from "redis";
import type { CounterStore } from "./store";

// INCR and the first hit's PEXPIRE in one script, so two instances can never both see count 1
// or leave a key without expiry. The TTL guard also repairs a key that somehow lost its expiry.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

export type RedisStore = CounterStore & { ready(): Promise<void>; close(): Promise<void> };

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis ${what} timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Counters in Redis, shared by every instance that points at the same server. Commands fail fast
// instead of queueing while disconnected (disableOfflineQueue) and are cut off after timeoutMs,
// so the limiter can fall back within a request; the client keeps reconnecting in the background.
export function createRedisStore(url: string, timeoutMs: number): RedisStore {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: Math.max(timeoutMs, 500), reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
  });
  // Connection errors surface as failed hits; without a listener the client would crash the process.
  client.on("error", () => undefined);
  let connecting: Promise<unknown> | null = null;
  const connect = () => (connecting ??= client.connect().catch(() => undefined));

  return {
    name: "redis",
    async hit(key, windowMs, nowMs) {
      if (!client.isReady) {
        await withTimeout(connect(), timeoutMs, "connect");
        if (!client.isReady) throw new Error("redis is not connected");
      }
      const reply = await withTimeout(client.eval(HIT_SCRIPT, { keys: [key], arguments: [String(windowMs)] }), timeoutMs, "hit");
      if (!Array.isArray(reply) || reply.length !== 2) throw new Error("unexpected reply from the rate-limit script");
      return { count: Number(reply[0]), resetAtMs: nowMs + Number(reply[1]) };
    },
    async ready() {
      await connect();
      if (!client.isReady) throw new Error("redis is not connected");
    },
    async close() {
      // A graceful close waits for the server; while it is unreachable, drop the socket at once.
      if (client.isReady) await client.close().catch(() => undefined);
      else if (client.isOpen) client.destroy();
    },
  };
}
