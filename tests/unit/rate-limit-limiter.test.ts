import { describe, expect, it } from "vitest";
import { createRateLimiter } from "@/lib/rate-limit/limiter";
import { createMemoryStore } from "@/lib/rate-limit/memory-store";
import type { CounterStore } from "@/lib/rate-limit/store";

const rule = { name: "t", limit: 2, windowSeconds: 60 };

// A real memory store that can be switched off, standing in for a Redis or database outage.
function switchable(name: string) {
  const inner = createMemoryStore();
  const store = {
    name,
    down: false,
    calls: 0,
    async hit(key: string, windowMs: number, nowMs: number) {
      store.calls++;
      if (store.down) throw new Error(`connect ECONNREFUSED redis://user:hunter2@127.0.0.1:6399`);
      return inner.hit(key, windowMs, nowMs);
    },
  };
  return store satisfies CounterStore;
}

describe("rate limiter", () => {
  it("enforces the rule through its first store", async () => {
    const limiter = createRateLimiter({ stores: [createMemoryStore()] });
    const oks = [];
    for (let i = 0; i < 3; i++) oks.push((await limiter.consume(rule, "1.2.3.4")).ok);
    expect(oks).toEqual([true, true, false]);
    expect((await limiter.consume(rule, "5.6.7.8")).ok).toBe(true);
  });

  it("falls back when the shared store fails, logs the outage once without secrets, logs the recovery", async () => {
    const shared = switchable("redis");
    const local = createMemoryStore();
    const logs: string[] = [];
    const limiter = createRateLimiter({ stores: [shared, local], log: (m) => logs.push(m), cooldownMs: 0 });
    expect((await limiter.consume(rule, "s")).ok).toBe(true);
    expect(limiter.lastStore()).toBe("redis");
    shared.down = true;
    const during = [];
    for (let i = 0; i < 3; i++) during.push((await limiter.consume(rule, "s")).ok);
    // The fallback counts on its own (it never saw the first hit) and still limits.
    expect(during).toEqual([true, true, false]);
    expect(limiter.lastStore()).toBe("memory");
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/redis unavailable .*counting in memory/);
    expect(logs[0]).not.toContain("hunter2");
    shared.down = false;
    expect((await limiter.consume(rule, "other")).ok).toBe(true);
    expect(limiter.lastStore()).toBe("redis");
    expect(logs[1]).toMatch(/redis is answering again/);
  });

  it("skips a failed store during its cooldown instead of paying its timeout on every request", async () => {
    const shared = switchable("redis");
    shared.down = true;
    const limiter = createRateLimiter({ stores: [shared, createMemoryStore()], log: () => undefined, cooldownMs: 60_000 });
    for (let i = 0; i < 5; i++) await limiter.consume(rule, `s${i}`);
    expect(shared.calls).toBe(1);
  });

  it("uses the last store even when every other one is down, and rethrows only if it fails too", async () => {
    const a = switchable("redis");
    const b = switchable("postgres");
    a.down = b.down = true;
    const ok = createRateLimiter({ stores: [a, b, createMemoryStore()], log: () => undefined });
    expect((await ok.consume(rule, "x")).ok).toBe(true);
    const failing = createRateLimiter({ stores: [switchable("only")].map((s) => Object.assign(s, { down: true })), log: () => undefined });
    await expect(failing.consume(rule, "x")).rejects.toThrow(/ECONNREFUSED/);
  });
});
