import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { installPeerStamp, PEER_HEADER } from "@/lib/http/peer-address";
import { NEXT_CACHE_HANDLERS } from "@/lib/next-internals/global-cache-handler.mjs";
import { studioOnlyActions } from "@/lib/next-internals/server-actions";

// Each Next internal listed in lib/next-internals/README.md, checked against the installed `next`:
// an upgrade that moves or renames one fails here.
const require = createRequire(import.meta.url);
const nextDir = path.dirname(require.resolve("next/package.json"));
const dist = (file: string) => fs.readFileSync(path.join(nextDir, "dist", file), "utf8");

describe("the pinned next", () => {
  it("package.json pins the exact installed version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const installed = (JSON.parse(fs.readFileSync(path.join(nextDir, "package.json"), "utf8")) as { version: string }).version;
    expect(pkg.dependencies.next).toBe(installed);
  });
});

describe("file-system-cache (lib/cache/handler.mjs)", () => {
  it("resolves and default-exports a class with get, set and revalidateTag", async () => {
    const mod = (await import("next/dist/server/lib/incremental-cache/file-system-cache.js")) as { default: unknown };
    const FileSystemCache = ((mod.default as { default?: unknown }).default ?? mod.default) as { prototype: Record<string, unknown> };
    expect(typeof FileSystemCache).toBe("function");
    for (const method of ["get", "set", "revalidateTag"]) expect(typeof FileSystemCache.prototype[method], method).toBe("function");
  });
});

describe("the global cache-handler slot (lib/next-internals/global-cache-handler.mjs)", () => {
  const holder = globalThis as unknown as Record<symbol, unknown>;
  let before: unknown;
  beforeEach(() => (before = holder[NEXT_CACHE_HANDLERS]));
  afterEach(() => (holder[NEXT_CACHE_HANDLERS] = before));

  it("IncrementalCache constructs the class in the slot when no cacheHandler is configured", async () => {
    const mod = (await import("next/dist/server/lib/incremental-cache/index.js")) as unknown as {
      IncrementalCache: new (o: object) => { cacheHandler?: unknown };
    };
    const constructed: unknown[] = [];
    class Recording {
      constructor(ctx: unknown) {
        constructed.push(ctx);
      }
    }
    holder[NEXT_CACHE_HANDLERS] = { FetchCache: Recording };
    const cache = new mod.IncrementalCache({ requestHeaders: {}, previewProps: { previewModeId: "x" }, prerenderManifest: { routes: {}, dynamicRoutes: {} } });
    expect(cache.cacheHandler).toBeInstanceOf(Recording);
    expect(constructed).toHaveLength(1);
  });

  it("next start gets Masthead's handler through the slot and no per-request cacheHandler; the build keeps cacheHandler", async () => {
    const config = (await import("@/next.config")).default as unknown as (phase: string) => Promise<{ cacheHandler?: string }>;
    expect((await config("phase-production-build")).cacheHandler).toMatch(/lib\/cache\/handler\.mjs$/);
    holder[NEXT_CACHE_HANDLERS] = undefined;
    expect((await config("phase-production-server")).cacheHandler).toBeUndefined();
    const installed = (holder[NEXT_CACHE_HANDLERS] as { FetchCache?: unknown } | undefined)?.FetchCache;
    const handler = (await import("@/lib/cache/handler.mjs")).default;
    expect(installed).toBe(handler);
  });
});

describe("proxy response headers (lib/security/proxy-csp.ts, lib/edge/proxy-edge.ts)", () => {
  it("NextResponse still writes the override and rewrite headers", () => {
    const response = dist("server/web/spec-extension/response.js");
    for (const name of ["x-middleware-override-headers", "x-middleware-request-", "x-middleware-rewrite"]) expect(response, name).toContain(name);
  });

  it("the server still rebuilds the render's request from x-middleware-override-headers", () => {
    expect(dist("server/web/adapter.js") + dist("server/base-server.js")).toContain("x-middleware-override-headers");
  });

  it("the router still marks prefetches with x-middleware-prefetch", () => {
    expect(dist("shared/lib/router/router.js")).toContain("x-middleware-prefetch");
  });
});

describe("server-reference-manifest (lib/next-internals/server-actions.ts)", () => {
  it("keeps its file name and the per-action workers map", () => {
    expect(dist("shared/lib/constants.js")).toMatch(/SERVER_REFERENCE_MANIFEST = ['"]server-reference-manifest['"]/);
    expect(dist("build/webpack/plugins/flight-client-entry-plugin.js")).toContain("workers");
    const manifest = { node: { a: { workers: { "app/studio/tokens/page": {} } }, b: { workers: { "app/p/[pub]/[lang]/account/page": {} } } } };
    expect([...studioOnlyActions(manifest)]).toEqual(["a"]);
  });
});

describe("peer-address patch (lib/http/peer-address.ts)", () => {
  const servers: http.Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it("next start still serves through http.createServer(requestListener)", () => {
    expect(dist("server/lib/start-server.js")).toMatch(/http\.default\.createServer\(requestListener\)/);
  });

  it("a server created that way sees the socket's address in the stamp header", async () => {
    installPeerStamp();
    const server = http.createServer((req, res) => res.end(String(req.headers[PEER_HEADER])));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: "203.0.113.9" } });
    expect(await res.text()).toBe("127.0.0.1");
  });
});

describe("edge page bodies (lib/http/edge-body.ts)", () => {
  it("the router server still compresses with next/dist/compiled/compression, per request", () => {
    const router = dist("server/lib/router-server.js");
    expect(router).toContain('require("next/dist/compiled/compression")');
    expect(router).toMatch(/compress\(req, res, \(\)=>\{\}\)/);
  });
});
