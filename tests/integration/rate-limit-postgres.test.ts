import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "@/db/schema";
import { createRateLimiter } from "@/lib/rate-limit/limiter";
import { createPostgresStore } from "@/lib/rate-limit/postgres-store";
import { databaseKinds, openTestDatabase, type TestDatabase } from "./helpers/databases";

// The fallback store when REDIS_URL is unset or Redis is down: still one budget across instances,
// because every instance counts in the same table.
describe.each(databaseKinds())("PostgreSQL rate-limit store (%s)", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t?.close());

  const instance = () => createRateLimiter({ stores: [createPostgresStore(async () => t.db)], log: () => undefined });

  it("two instances on one database share one budget, atomically", async () => {
    const a = instance();
    const b = instance();
    const rule = { name: "pg-shared", limit: 7, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).consume(rule, "203.0.113.5")));
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    expect(a.lastStore()).toBe("postgres");
  });

  it("a window reopens exactly when it ends, and Retry-After counts down to it", async () => {
    const limiter = instance();
    const rule = { name: "pg-window", limit: 2, windowSeconds: 60 };
    const t0 = new Date("2026-11-28T12:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect((await limiter.consume(rule, "w", at(0))).ok).toBe(true);
    expect((await limiter.consume(rule, "w", at(1000))).ok).toBe(true);
    expect(await limiter.consume(rule, "w", at(30_000))).toMatchObject({ ok: false, retryAfterSeconds: 30 });
    expect(await limiter.consume(rule, "w", at(59_999))).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    expect((await limiter.consume(rule, "w", at(60_000))).ok).toBe(true);
  });

  it("stores a digest, not the address", async () => {
    await instance().consume({ name: "pg-privacy", limit: 5, windowSeconds: 60 }, "someone@example.org");
    const keys = (await t.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys.some((k) => k.startsWith("rl:pg-privacy:"))).toBe(true);
    expect(keys.join(" ")).not.toContain("example.org");
  });
});
