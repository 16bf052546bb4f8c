import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limitKey } from "@/lib/rate-limit/keys";
import { createRateLimiter } from "@/lib/rate-limit/limiter";
import { createMemoryStore } from "@/lib/rate-limit/memory-store";
import { createRedisStore, type RedisStore } from "@/lib/rate-limit/redis-store";

// A private redis-server child (the machine's shared Redis must never be stopped), so the test can
// take it away mid-run. RATE_LIMIT_TEST_REDIS_PORT picks the port.
const PORT = Number(process.env.RATE_LIMIT_TEST_REDIS_PORT ?? 6381);
const URL_ = `redis://127.0.0.1:${PORT}`;

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 10_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let server: ChildProcess | null = null;
async function startRedis() {
  if (await portOpen(PORT)) throw new Error(`port ${PORT} is already in use; set RATE_LIMIT_TEST_REDIS_PORT`);
  server = spawn("redis-server", ["--port", String(PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  await waitFor(() => portOpen(PORT), "redis-server to listen");
}
async function stopRedis() {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
}

const opened: RedisStore[] = [];

// Two limiters with their own Redis connections play two server instances. Each is connected
// before it is returned, and closed after the file's tests.
async function instance(timeoutMs = 250) {
  const redis = createRedisStore(URL_, timeoutMs);
  opened.push(redis);
  const logs: string[] = [];
  const limiter = createRateLimiter({ stores: [redis, createMemoryStore()], log: (m) => logs.push(m), cooldownMs: 100 });
  await redis.ready();
  return { redis, limiter, logs };
}

beforeAll(startRedis, 20_000);
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  await stopRedis();
});

describe("Redis rate-limit store", () => {
  it("two instances share one budget, even when their requests race", async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const rule = { name: "shared", limit: 10, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).limiter.consume(rule, "198.51.100.9")));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(a.limiter.lastStore()).toBe("redis");
    expect(b.limiter.lastStore()).toBe("redis");
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.retryAfterSeconds).toBeGreaterThan(55);
    // Another subject has its own budget.
    expect((await a.limiter.consume(rule, "198.51.100.10")).ok).toBe(true);
  });

  it("every key expires with its window", async () => {
    const a = await instance();
    const rule = { name: "ttl", limit: 3, windowSeconds: 2 };
    await a.limiter.consume(rule, "s");
    const raw = createClient({ url: URL_ });
    await raw.connect();
    const ttl = await raw.pTTL(limitKey(rule, "s"));
    await raw.close();
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2000);
    for (let i = 0; i < 3; i++) await a.limiter.consume(rule, "s");
    expect((await a.limiter.consume(rule, "s")).ok).toBe(false);
    await new Promise((r) => setTimeout(r, 2100));
    expect((await a.limiter.consume(rule, "s")).ok).toBe(true);
  });

  it("when Redis dies mid-run the limiter keeps answering from its fallback, logs once, and returns to Redis", async () => {
    const a = await instance();
    const rule = { name: "outage", limit: 3, windowSeconds: 60 };
    expect((await a.limiter.consume(rule, "m")).ok).toBe(true);
    expect(a.limiter.lastStore()).toBe("redis");

    await stopRedis();
    const started = Date.now();
    const during = [];
    for (let i = 0; i < 5; i++) during.push((await a.limiter.consume(rule, "m")).ok);
    const elapsed = Date.now() - started;
    expect(a.limiter.lastStore()).toBe("memory");
    // The fallback starts its own count (it never saw the first hit) and still limits.
    expect(during).toEqual([true, true, true, false, false]);
    expect(a.logs.filter((l) => l.includes("redis unavailable"))).toHaveLength(1);
    // Generous bound: a hung store would cost 5 × the timeout; a dead one fails fast.
    expect(elapsed).toBeLessThan(2000);

    await startRedis();
    await waitFor(
      async () => (await a.limiter.consume(rule, `probe-${Date.now()}`), a.limiter.lastStore() === "redis"),
      "the limiter to use Redis again",
      15_000,
    );
    expect(a.logs.some((l) => l.includes("redis is answering again"))).toBe(true);
  });

  it("a Redis that stops answering (hung, not closed) costs one short timeout, then the fallback", async () => {
    const a = await instance(150);
    const rule = { name: "hung", limit: 5, windowSeconds: 60 };
    expect((await a.limiter.consume(rule, "h")).ok).toBe(true);
    server!.kill("SIGSTOP");
    try {
      const r = await a.limiter.consume(rule, "h");
      expect(r.ok).toBe(true);
      expect(a.limiter.lastStore()).toBe("memory");
      expect(a.logs.join("\n")).toMatch(/timed out after 150 ms/);
    } finally {
      server!.kill("SIGCONT");
    }
  });

  it("an unreachable Redis from the start never throws", async () => {
    const dead = createRedisStore("redis://127.0.0.1:1", 100);
    opened.push(dead);
    const limiter = createRateLimiter({ stores: [dead, createMemoryStore()], log: () => undefined });
    expect((await limiter.consume({ name: "dead", limit: 1, windowSeconds: 60 }, "x")).ok).toBe(true);
    expect(limiter.lastStore()).toBe("memory");
  });
});
