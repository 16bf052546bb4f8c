import { describe, expect, it } from "vitest";
import { limitKey } from "@/lib/rate-limit/keys";
import { createMemoryStore } from "@/lib/rate-limit/memory-store";
import { parseRateLimitSettings } from "@/lib/rate-limit/settings";
import { decide, nextWindow, windowCount } from "@/lib/rate-limit/window";

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
const MIN = 60_000;

describe("decide", () => {
  it.each([
    { count: 1, limit: 5, ok: true, remaining: 4 },
    { count: 5, limit: 5, ok: true, remaining: 0 },
    { count: 6, limit: 5, ok: false },
  ])("count $count of $limit → ok=$ok", ({ count, limit, ok, remaining }) => {
    const r = decide({ count, resetAtMs: T0 + MIN }, limit, T0);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.remaining).toBe(remaining);
  });

  it.each([
    { left: 60_000, seconds: 60 },
    { left: 59_001, seconds: 60 },
    { left: 1, seconds: 1 },
    { left: 0, seconds: 1 },
    { left: -5, seconds: 1 },
  ])("Retry-After rounds $left ms up to $seconds s (never 0)", ({ left, seconds }) => {
    const r = decide({ count: 9, resetAtMs: T0 + left }, 5, T0);
    expect(r).toMatchObject({ ok: false, retryAfterSeconds: seconds });
  });
});

describe("nextWindow", () => {
  it("opens at the first hit, counts within, restarts exactly at the window's end", () => {
    let w = nextWindow(undefined, T0, MIN);
    expect(w).toEqual({ count: 1, startMs: T0 });
    w = nextWindow(w, T0 + MIN - 1, MIN);
    expect(w).toEqual({ count: 2, startMs: T0 });
    expect(windowCount(w, MIN)).toEqual({ count: 2, resetAtMs: T0 + MIN });
    expect(nextWindow(w, T0 + MIN, MIN)).toEqual({ count: 1, startMs: T0 + MIN });
  });
});

describe("memory store", () => {
  it("counts per key and lets a subject back in after the window", async () => {
    const store = createMemoryStore();
    const rule = { limit: 2 };
    const results = [];
    for (let i = 0; i < 3; i++) results.push(decide(await store.hit("a", MIN, T0 + i), rule.limit, T0 + i).ok);
    expect(results).toEqual([true, true, false]);
    expect(decide(await store.hit("b", MIN, T0), 2, T0).ok).toBe(true);
    expect(decide(await store.hit("a", MIN, T0 + MIN), 2, T0 + MIN).ok).toBe(true);
  });

  it("drops closed windows once it grows large", async () => {
    const store = createMemoryStore();
    for (let i = 0; i <= 10_000; i++) await store.hit(`k${i}`, MIN, T0);
    await store.hit("fresh", MIN, T0 + 2 * MIN);
    expect(store.size()).toBe(1);
  });
});

describe("limitKey", () => {
  it("folds case and whitespace, keeps rules apart, never contains the subject", () => {
    const rule = { name: "signin-email" };
    expect(limitKey(rule, "Reader@Example.org ")).toBe(limitKey(rule, "reader@example.org"));
    expect(limitKey(rule, "a@example.org")).not.toBe(limitKey({ name: "signin-ip" }, "a@example.org"));
    expect(limitKey(rule, "reader@example.org")).not.toContain("example");
    expect(limitKey(rule, "x".repeat(5000)).length).toBeLessThan(60);
  });
});

describe("settings", () => {
  it("has defaults and reads overrides; empty strings count as unset", () => {
    const d = parseRateLimitSettings({});
    expect(d.rules.signinPerIp).toEqual({ name: "signin-ip", limit: 20, windowSeconds: 900 });
    expect(d.rules.signinPerEmail.limit).toBe(5);
    expect(d.rules.comment).toEqual({ name: "comment", limit: 5, windowSeconds: 60 });
    expect(d.trustedProxyHops).toBe(0);
    const o = parseRateLimitSettings({ SEARCH_REQUESTS_PER_MINUTE: "3", TRUSTED_PROXY_HOPS: "1", ADMIN_API_REQUESTS_PER_MINUTE: "" });
    expect(o.rules.search.limit).toBe(3);
    expect(o.trustedProxyHops).toBe(1);
    expect(o.rules.adminApi.limit).toBe(300);
  });

  it("refuses nonsense, naming the variable but not its value", () => {
    expect(() => parseRateLimitSettings({ COMMENTS_PER_MINUTE: "0" })).toThrow(/COMMENTS_PER_MINUTE/);
    expect(() => parseRateLimitSettings({ TRUSTED_PROXY_HOPS: "secret-ish" })).toThrow(/^(?!.*secret-ish)/);
  });
});
