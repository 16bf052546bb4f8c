import { describe, expect, it } from "vitest";
import { decodeEntry, encodeEntry } from "@/lib/cache/codec.mjs";
import { LocalStore } from "@/lib/cache/local-store.mjs";
import {
  MAX_ENTRY_TTL_SECONDS,
  cacheNamespace,
  databaseFingerprint,
  entryTags,
  entryTtlSeconds,
  mergeTagState,
  tagStateAfterRevalidate,
  tagVerdict,
} from "@/lib/cache/rules.mjs";
import { pgliteRefusal } from "@/db/instance-guard";

const T = 1_800_000_000_000;

describe("entry lifetime in Redis", () => {
  it.each([
    [undefined, MAX_ENTRY_TTL_SECONDS],
    [{ revalidate: 300 }, MAX_ENTRY_TTL_SECONDS],
    [{ revalidate: 300, expire: 3600 }, 3600],
    [{ revalidate: false as const, expire: 10 }, 60],
    [{ expire: 10 * MAX_ENTRY_TTL_SECONDS }, MAX_ENTRY_TTL_SECONDS],
    [{ expire: 2.2 }, 60],
  ])("%j → %i s", (cacheControl, ttl) => {
    expect(entryTtlSeconds(cacheControl)).toBe(ttl);
  });
});

describe("tag revalidation state", () => {
  it("expires at once without durations or with expire 0", () => {
    expect(tagStateAfterRevalidate(undefined, T, undefined)).toEqual({ stale: T, expired: T });
    expect(tagStateAfterRevalidate(undefined, T, { expire: 0 })).toEqual({ stale: T, expired: T });
  });
  it("'max'-like durations only mark stale until the expiry", () => {
    expect(tagStateAfterRevalidate(undefined, T, { expire: 3600 })).toEqual({ stale: T, expired: T + 3_600_000 });
  });
  it("a later expire-now cuts short an earlier long expiry", () => {
    const long = tagStateAfterRevalidate(undefined, T, { expire: 3600 });
    expect(tagStateAfterRevalidate(long, T + 5, { expire: 0 })).toEqual({ stale: T + 5, expired: T + 5 });
  });
  it("merging is order-independent and idempotent", () => {
    const a = { stale: T, expired: T + 3_600_000 };
    const b = { stale: T + 5, expired: T + 5 };
    expect(mergeTagState(a, b)).toEqual(mergeTagState(b, a));
    expect(mergeTagState(b, b)).toEqual(b);
    expect(mergeTagState(undefined, a)).toEqual(a);
    // Same instant: the sooner expiry wins (an expire-now must not be undone by a replay).
    expect(mergeTagState({ stale: T, expired: T }, { stale: T, expired: T + 1000 })).toEqual({ stale: T, expired: T });
  });
});

describe("tag verdict for an entry written at T", () => {
  const now = T + 10_000;
  it.each([
    ["no revalidation", [undefined], "fresh"],
    ["revalidated before it was written", [{ stale: T - 1, expired: T - 1 }], "fresh"],
    ["revalidated at the same millisecond (order unknown)", [{ stale: T, expired: T }], "expired"],
    ["expired 1 ms after it was written", [{ stale: T + 1, expired: T + 1 }], "expired"],
    ["stale only (expiry in the future)", [{ stale: T + 1, expired: now + 1 }], "stale"],
    ["one of several tags expired", [undefined, { stale: T - 5, expired: T - 5 }, { stale: T + 2, expired: T + 2 }], "expired"],
  ] as const)("%s → %s", (_label, states, verdict) => {
    expect(tagVerdict(states, T, now)).toBe(verdict);
  });
});

describe("entry tags", () => {
  it("reads a page's tag header and a data entry's tags plus the reader's implicit tags", () => {
    expect(entryTags({ kind: "APP_PAGE", headers: { "x-next-cache-tags": "article:a,_N_T_/layout" } }, undefined)).toEqual(["article:a", "_N_T_/layout"]);
    expect(entryTags({ kind: "FETCH", data: {}, tags: ["x"] }, { tags: ["comments:a"], softTags: ["_N_T_/api"] }).sort()).toEqual([
      "_N_T_/api",
      "comments:a",
      "x",
    ]);
    expect(entryTags(null, undefined)).toEqual([]);
  });
});

describe("namespace", () => {
  it("separates builds and databases, and accepts an override for the database part", () => {
    const db = databaseFingerprint("postgres://a/b");
    expect(db).toMatch(/^[0-9a-f]{12}$/);
    expect(databaseFingerprint("postgres://a/c")).not.toBe(db);
    expect(cacheNamespace({ buildId: "abc", databaseFingerprint: db })).toBe(`masthead:abc:${db}`);
    expect(cacheNamespace({ buildId: "a:b*c", databaseFingerprint: db, override: "shop" })).toBe("masthead:a_b_c:shop");
  });
});

describe("codec", () => {
  it("round-trips Buffers and Maps inside an entry", () => {
    const entry = {
      lastModified: T,
      value: {
        kind: "APP_PAGE",
        html: "<p>안녕</p>",
        rscData: Buffer.from([0, 1, 255]),
        segmentData: new Map([["/_tree", Buffer.from("seg")]]),
        headers: { a: "b" },
      },
    };
    const back = decodeEntry(encodeEntry(entry)) as typeof entry;
    expect(Buffer.isBuffer(back.value.rscData)).toBe(true);
    expect([...back.value.rscData]).toEqual([0, 1, 255]);
    expect(back.value.segmentData.get("/_tree")?.toString()).toBe("seg");
    expect(back.value.html).toBe("<p>안녕</p>");
  });
});

describe("local store", () => {
  it("evicts the least recently used entries past its byte bound", () => {
    const store = new LocalStore(100);
    store.set("a", 1, 40);
    store.set("b", 2, 40);
    store.get("a");
    store.set("c", 3, 40);
    expect(store.get("b")).toBeUndefined();
    expect(store.get("a")).toBe(1);
    expect(store.get("c")).toBe(3);
    expect(store.bytes).toBe(80);
    store.set("huge", 4, 101);
    expect(store.get("huge")).toBeUndefined();
  });
});

describe("embedded database refusal", () => {
  it.each([
    [{ instances: 1 }, null],
    [{ instances: 3, databaseUrl: "postgres://x", authSecret: "s".repeat(32) }, null],
    [{ instances: 3, databaseUrl: "postgres://x" }, /MASTHEAD_INSTANCES=3 needs one AUTH_SECRET/],
    [{ instances: 1, redisUrl: "redis://x", databaseUrl: "postgres://x" }, null],
    [{ instances: 2 }, /MASTHEAD_INSTANCES=2 .*DATABASE_URL/],
    [{ instances: 1, redisUrl: "redis://x" }, /REDIS_URL .*DATABASE_URL/],
  ])("%j", (settings, expected) => {
    const refusal = pgliteRefusal(settings);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });
});
