import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SharedCache, offerBuildSeed } from "@/lib/cache/shared-cache.mjs";
import { RedisServer, freePort } from "./cache-helpers/redis-server";

// Two SharedCache objects stand for two server processes sharing one Redis (a private
// redis-server child, killed and restarted mid-test). The broadcast hook stands in for the
// PostgreSQL NOTIFY that carries tag revalidations between processes (lib/cache/tag-broadcast.ts).

const page = (text: string, tags = "article:grid") => ({
  kind: "APP_PAGE",
  html: `<p>${text}</p>`,
  rscData: Buffer.from(`rsc ${text}`),
  segmentData: new Map([["/_tree", Buffer.from("tree")]]),
  headers: { "x-next-cache-tags": `${tags},_N_T_/layout` },
  status: 200,
});
const html = (entry: { value: unknown } | null) => (entry?.value as { html?: string } | undefined)?.html ?? null;

const until = async (check: () => boolean, timeoutMs = 8000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not reached");
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("shared cache across two processes", () => {
  let redis: RedisServer;
  let a: SharedCache;
  let b: SharedCache;
  const logs: string[] = [];
  const log = { warn: (m: string) => logs.push(`A warn ${m}`), info: (m: string) => logs.push(`A info ${m}`) };

  beforeAll(async () => {
    redis = new RedisServer(Number(process.env.CACHE_TEST_REDIS_PORT) || (await freePort()));
    await redis.start();
    const ns = `masthead:test:${Date.now()}`;
    a = new SharedCache({ url: redis.url, namespace: ns, log, commandTimeoutMs: 300, coolOffMs: 300 });
    b = new SharedCache({ url: redis.url, namespace: ns, log: { warn: () => undefined, info: () => undefined }, commandTimeoutMs: 300, coolOffMs: 300 });
    await until(() => a.link.available() && b.link.available());
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
  });

  it("an entry written by one process is read by the other, Buffers and Maps intact", async () => {
    await a.set("/t/anon/articles/grid", page("v1"), { cacheControl: { revalidate: false } });
    const hit = await b.get("/t/anon/articles/grid");
    expect(html(hit)).toBe("<p>v1</p>");
    const value = hit!.value as ReturnType<typeof page>;
    expect(value.rscData.toString()).toBe("rsc v1");
    expect(value.segmentData.get("/_tree")?.toString()).toBe("tree");
    expect(hit!.cacheControl).toEqual({ revalidate: false });
  });

  it("a tag revalidated by one process is a miss on the other; a newer render is shared", async () => {
    await b.get("/t/anon/articles/grid"); // b holds a local copy now
    await a.revalidateTag(["article:grid"], { expire: 0 });
    expect(await b.get("/t/anon/articles/grid")).toBeNull();
    await new Promise((r) => setTimeout(r, 2));
    await b.set("/t/anon/articles/grid", page("v2"));
    expect(html(await a.get("/t/anon/articles/grid"))).toBe("<p>v2</p>");
  });

  it("data entries honour their own tags and the reader's implicit tags", async () => {
    const data = { kind: "FETCH", data: { body: "[1,2]", headers: {}, url: "" }, revalidate: 300 };
    await a.set("comments-key", data, { tags: ["comments:grid"] });
    expect(await b.get("comments-key", { tags: ["comments:grid"], softTags: ["_N_T_/api/articles/grid/comments"] })).not.toBeNull();
    await b.revalidateTag(["comments:grid"]);
    expect(await a.get("comments-key", { tags: ["comments:grid"] })).toBeNull();
    await a.set("comments-key", data, { tags: ["comments:grid"] });
    await new Promise((r) => setTimeout(r, 2));
    await a.revalidateTag(["_N_T_/api/articles/grid/comments"], { expire: 0 });
    expect(await b.get("comments-key", { tags: ["comments:grid"], softTags: ["_N_T_/api/articles/grid/comments"] })).toBeNull();
  });

  it("a stale-while-revalidate ('max') revalidation is a miss on every process", async () => {
    await a.set("max-key", page("m", "list"));
    await new Promise((r) => setTimeout(r, 2));
    await b.revalidateTag(["list"], { expire: 365 * 24 * 3600 });
    expect(await a.get("max-key")).toBeNull();
  });

  it("a build-time prerender is offered once, unless a tag changed since the build", async () => {
    const built = Date.now() - 60_000;
    const seeded = await offerBuildSeed(a, "/_not-found", { lastModified: built, value: page("nf", "nf-tag") });
    expect(html(seeded)).toBe("<p>nf</p>");
    expect(html(await b.get("/_not-found"))).toBe("<p>nf</p>");
    await b.revalidateTag(["nf-tag"]);
    expect(await offerBuildSeed(b, "/_not-found", { lastModified: built, value: page("nf", "nf-tag") })).toBeNull();
  });

  it("Redis killed mid-run: no errors, each process serves from memory, revalidations still reach the other", async () => {
    await a.set("/t/premium/articles/grid", page("p1"));
    expect(html(await b.get("/t/premium/articles/grid"))).toBe("<p>p1</p>");
    // From here on revalidations also travel the NOTIFY stand-in (before, Redis alone carried them).
    a.onLocalRevalidate = (tags, states) => b.applyRemoteRevalidation(tags, states);
    b.onLocalRevalidate = (tags, states) => a.applyRemoteRevalidation(tags, states);
    await redis.stop();

    const started = Date.now();
    expect(html(await b.get("/t/premium/articles/grid"))).toBe("<p>p1</p>");
    expect(html(await a.get("/t/premium/articles/grid"))).toBe("<p>p1</p>");
    expect(Date.now() - started).toBeLessThan(1000);

    // Written during the outage: local only.
    await a.set("outage-only", page("local"));
    expect(html(await a.get("outage-only"))).toBe("<p>local</p>");
    expect(await b.get("outage-only")).toBeNull();

    // Revalidated during the outage: reaches b through the broadcast, stays pending for Redis.
    await new Promise((r) => setTimeout(r, 2));
    await a.revalidateTag(["article:grid"], { expire: 0 });
    expect(await b.get("/t/premium/articles/grid")).toBeNull();
    expect(a.pendingTags.has("article:grid")).toBe(true);
    expect(logs.filter((l) => l.includes("Redis unreachable"))).toHaveLength(1);

    // Redis returns empty (no persistence): pending revalidations are written back, sharing resumes.
    await redis.start();
    await until(() => a.link.available() && b.link.available() && a.pendingTags.size === 0);
    expect(logs.filter((l) => l.includes("reachable again"))).toHaveLength(1);
    const stored = await b.link.client.hGet(b.tagsKey, "article:grid");
    expect(stored).toMatch(/^\d+:\d+$/);

    // The outage-only entry was not pushed: shared state (here: nothing) wins on both.
    expect(await a.get("outage-only")).toBeNull();
    await b.set("outage-only", page("shared"));
    expect(html(await a.get("outage-only"))).toBe("<p>shared</p>");
    await a.set("after", page("after"));
    expect(html(await b.get("after"))).toBe("<p>after</p>");
  });

  it("a local write during an outage never overrides a newer shared render", async () => {
    await a.set("race", page("old"));
    await redis.stop();
    await a.set("race", page("outage"));
    await redis.start();
    await until(() => a.link.available() && b.link.available());
    await b.set("race", page("newer"));
    expect(html(await a.get("race"))).toBe("<p>newer</p>");
  });

  it("a frozen Redis is cut off after the command timeout and sharing resumes when it wakes", async () => {
    await a.set("frozen", page("f1"));
    redis.pause();
    try {
      const started = Date.now();
      expect(html(await a.get("frozen"))).toBe("<p>f1</p>");
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      redis.resume();
    }
    await until(() => a.link.available());
    await a.set("frozen-after", page("f2"));
    expect(html(await b.get("frozen-after"))).toBe("<p>f2</p>");
  });
});
