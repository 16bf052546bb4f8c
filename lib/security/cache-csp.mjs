// @ts-check
import { buildContentSecurityPolicy } from "./csp.mjs";
import { inlineScriptHashes } from "./inline-scripts.mjs";

// Prerendered pages (ISR: one render per tier × piece, shared by every reader) cannot carry a
// per-request nonce. Instead each cached render carries its own policy: the hashes of exactly the
// inline scripts in its HTML, stored in the cache entry's headers. Next sends an APP_PAGE entry's
// `headers` with every response served from it (HIT, STALE, and the MISS that produced it), so
// the policy always matches the body it travels with: no per-request work, no dynamic rendering.

const HEADER = "content-security-policy";

/** Site-wide options read once; this module runs outside the app bundle (Next's cacheHandler). */
function policyOptions() {
  return { dev: process.env.NODE_ENV === "development", https: (process.env.SITE_URL ?? "").startsWith("https://") };
}

/**
 * Adds the hash-based policy to a cached APP_PAGE value, in place (Next reuses the same headers
 * object for the response that triggered the render). Other kinds and RSC-only values pass through.
 * @template T
 * @param {T} value
 * @param {{ dev?: boolean, https?: boolean }} [options]
 * @returns {T}
 */
export function addScriptHashPolicy(value, options = policyOptions()) {
  const v = /** @type {any} */ (value);
  if (!v || v.kind !== "APP_PAGE" || typeof v.html !== "string" || v.html.length === 0) return value;
  v.headers ??= {};
  v.headers[HEADER] = buildContentSecurityPolicy({ scriptSources: inlineScriptHashes(v.html), ...options });
  return value;
}

/**
 * Wraps a Next cache handler class so every page entry it stores or returns carries its policy.
 * Entries read back (from disk, Redis or a build-time prerender) get it on read: computing it is a
 * scan of the HTML, and in-memory copies keep the header after the first read.
 * @template {new (...args: any[]) => { get(key: string, ctx?: any): Promise<any>, set(key: string, data: any, ctx?: any): Promise<any> }} H
 * @param {H} Handler
 * @returns {H}
 */
export function withScriptHashPolicy(Handler) {
  return class ScriptHashPolicyHandler extends Handler {
    /** @param {string} key @param {any} [ctx] */
    async get(key, ctx) {
      const entry = await super.get(key, ctx);
      if (entry?.value?.kind === "APP_PAGE" && !entry.value.headers?.[HEADER]) addScriptHashPolicy(entry.value);
      return entry;
    }
    /** @param {string} key @param {any} data @param {any} [ctx] */
    async set(key, data, ctx) {
      addScriptHashPolicy(data);
      return super.set(key, data, ctx);
    }
  };
}
