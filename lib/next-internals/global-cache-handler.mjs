// @ts-check
// Hands Masthead's cache handler (lib/cache/handler.mjs) to the running server through Next's
// global handler slot instead of next.config's `cacheHandler`.
//
// Why: with `cacheHandler` set, Next 16.4 runs `import()` on the handler's path on every request
// (`getIncrementalCache`, with Node's ESM resolver stat-ing and resolving the file each time) —
// about 5 % of the server's CPU on the article path (bench/README.md, "Node alone vs bare Next").
// `IncrementalCache` also takes the class from `globalThis[Symbol.for("@next/cache-handlers")]
// .FetchCache` when no `cacheHandler` is configured (the slot a hosting platform fills); that class
// is constructed per request like before, without the import. `next build` keeps `cacheHandler`
// (next.config.ts), so prerenders still pass through the handler and get their CSP hashes.
// One difference: Next skips data-cache (`unstable_cache`) entries over 2 MB unless the handler
// came from `cacheHandler`; Masthead's largest, the sitemap source, stays well under that.
// Listed in lib/next-internals/README.md; tests/unit/next-internals.test.ts checks it.
import path from "node:path";
import { pathToFileURL } from "node:url";

export const NEXT_CACHE_HANDLERS = Symbol.for("@next/cache-handlers");

/**
 * Loads the handler module at `handlerPath` and installs its class as the server's ISR and data cache.
 * @param {string} handlerPath
 */
export async function installGlobalCacheHandler(handlerPath) {
  const mod = await import(pathToFileURL(path.resolve(handlerPath)).href);
  const holder = /** @type {Record<symbol, Record<string, unknown> | undefined>} */ (/** @type {unknown} */ (globalThis));
  holder[NEXT_CACHE_HANDLERS] = { ...holder[NEXT_CACHE_HANDLERS], FetchCache: mod.default };
}
