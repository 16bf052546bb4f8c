import fs from "node:fs";
import path from "node:path";
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { cacheNamespace, databaseFingerprint } from "./rules.mjs";
import { SharedCache, offerBuildSeed } from "./shared-cache.mjs";
import { withScriptHashPolicy } from "../security/cache-csp.mjs";

// Next's cache handler (next.config.ts: `cacheHandler` for the build, Next's global handler slot
// for `next start`, lib/next-internals/global-cache-handler.mjs). With REDIS_URL set when the
// server starts, ISR renders and `unstable_cache` data live in Redis, shared by every instance
// (lib/cache/shared-cache.mjs).
// Without it, or during `next build`, every call goes to Next's own file-system cache, so a single
// instance behaves exactly as without a custom handler.
//
// Next constructs a handler per request; the Redis connection and local copy are per process.
// This file reads process.env itself: Next imports it directly, outside the app bundle and lib/env.

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;
// Process-wide state of its own, not a slot of lib/process-state.ts: Next imports this file
// directly (next.config.ts), outside the app bundle and without TypeScript, so it
// cannot import that module. lib/cache/tag-broadcast.ts reads these two symbols by the same names.
const KEY = Symbol.for("masthead.sharedCache");
const BROADCAST = Symbol.for("masthead.cacheTagBroadcast");
const DEFAULT_LOCAL_BYTES = 64 * 1024 * 1024;

function buildIdOf(serverDistDir) {
  try {
    return fs.readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
  } catch {
    return "dev";
  }
}

// Paths `next build` prerendered. Only these are read from the build folder on a shared miss:
// other files there may be renders a run without Redis left behind, from an unknown database.
function prerenderedPaths(serverDistDir) {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(serverDistDir, "..", "prerender-manifest.json"), "utf8"));
    return new Set(Object.keys(manifest.routes ?? {}));
  } catch {
    return new Set();
  }
}

/** `/route-cache/<kind>/<owner>/$/some/path` → `/some/path` (`/index` → `/`). */
export function pathOfKey(key) {
  const at = key.indexOf("/$/");
  if (at === -1) return null;
  const page = key.slice(at + 2);
  return page === "/index" ? "/" : page;
}

/** The process's shared cache, or null when Redis is not configured. */
export function processSharedCache(ctx) {
  const holder = /** @type {Record<symbol, SharedCache | null | undefined>} */ (globalThis);
  if (holder[KEY] !== undefined) return holder[KEY];
  const url = process.env.REDIS_URL;
  if (!url || process.env.NEXT_PHASE === "phase-production-build" || !ctx?.serverDistDir) return null;
  const namespace = cacheNamespace({
    buildId: buildIdOf(ctx.serverDistDir),
    databaseFingerprint: databaseFingerprint(process.env.DATABASE_URL),
    override: process.env.MASTHEAD_CACHE_NAMESPACE,
  });
  const cache = new SharedCache({ url, namespace, localBytes: ctx.maxMemoryCacheSize || DEFAULT_LOCAL_BYTES });
  // Set by lib/cache/tag-broadcast.ts at server start (PostgreSQL NOTIFY to the other instances).
  cache.onLocalRevalidate = (tags, states) => holder[BROADCAST]?.(tags, states);
  cache.prerendered = prerenderedPaths(ctx.serverDistDir);
  holder[KEY] = cache;
  console.log(`[cache] shared cache in Redis, namespace ${namespace}`);
  return holder[KEY];
}

class MastheadCacheHandler {
  constructor(ctx) {
    this.shared = processSharedCache(ctx);
    // Also the reader of build-time prerenders when the shared cache is on.
    this.files = new FileSystemCache(ctx);
  }

  async get(key, ctx) {
    if (!this.shared) return this.files.get(key, ctx);
    try {
      const hit = await this.shared.get(key, { tags: ctx?.tags, softTags: ctx?.softTags });
      if (hit || ctx?.kind === "FETCH" || !this.shared.prerendered?.has(pathOfKey(key))) return hit;
      // Absent or revalidated: a prerender from `next build` may still be current (no tag
      // revalidated since the build); then it becomes the shared entry for every instance.
      const seed = await this.files.get(key, ctx);
      return seed?.value ? await offerBuildSeed(this.shared, key, seed, ctx) : null;
    } catch (err) {
      console.error("[cache] read failed:", err instanceof Error ? err.message : String(err));
      return null;
    }
  }

  async set(key, data, ctx) {
    if (!this.shared) return this.files.set(key, data, ctx);
    const cacheControl = ctx?.fetchCache ? undefined : ctx?.cacheControl;
    try {
      await this.shared.set(key, data, { tags: ctx?.fetchCache ? ctx.tags : [], cacheControl });
    } catch (err) {
      console.error("[cache] write failed:", err instanceof Error ? err.message : String(err));
    }
  }

  async revalidateTag(tags, durations) {
    const list = typeof tags === "string" ? [tags] : tags;
    if (!this.shared) return this.files.revalidateTag(list, durations);
    await this.shared.revalidateTag(list, durations).catch(() => undefined);
  }

  resetRequestCache() {}
}

// Shared renders carry the hashes of their own inline scripts as their CSP (lib/security/cache-csp.mjs).
export default withScriptHashPolicy(MastheadCacheHandler);
