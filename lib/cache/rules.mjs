// @ts-check
import { createHash } from "node:crypto";

// Pure rules of the shared render/data cache (no I/O). Plain JavaScript because Next loads the
// cache handler with a bare `import()` at server start, outside the TypeScript bundle.

// Longest an entry lives in Redis. Tag state lives longer (TAG_STATE_TTL_SECONDS) so an entry can
// never outlive the record of a revalidation that made it stale.
/** @typedef {{ stale: number, expired: number }} TagState */
/** @typedef {{ revalidate?: number | false, expire?: number }} CacheControl */

export const MAX_ENTRY_TTL_SECONDS = 7 * 24 * 3600;
export const TAG_STATE_TTL_SECONDS = MAX_ENTRY_TTL_SECONDS + 24 * 3600;
const MIN_ENTRY_TTL_SECONDS = 60;

/**
 * Seconds an entry stays in Redis. Next serves an entry stale (and re-renders in the background)
 * between `revalidate` and `expire`, so the entry must outlive `revalidate`; past `expire` Next
 * would re-render blocking anyway.
 * @param {{ revalidate?: number | false, expire?: number } | undefined} cacheControl
 */
export function entryTtlSeconds(cacheControl) {
  const expire = cacheControl?.expire;
  const ttl = typeof expire === "number" && Number.isFinite(expire) && expire > 0 ? expire : MAX_ENTRY_TTL_SECONDS;
  return Math.max(MIN_ENTRY_TTL_SECONDS, Math.min(MAX_ENTRY_TTL_SECONDS, Math.ceil(ttl)));
}

/**
 * A tag's revalidation state after `revalidateTag(tag, durations)` at `now` (ms), mirroring
 * Next's file-system cache: stale from now, expired after `durations.expire` seconds (at once
 * without durations).
 * @param {{ stale?: number, expired?: number } | undefined} previous
 * @param {number} now
 * @param {{ expire?: number } | undefined} durations
 */
export function tagStateAfterRevalidate(previous, now, durations) {
  const next = { stale: now, expired: now };
  if (durations && typeof durations.expire === "number") next.expired = now + durations.expire * 1000;
  else if (durations) next.expired = previous?.expired ?? 0;
  return mergeTagState(previous, next);
}

/**
 * The later revalidation wins as a whole (as in Next, a later `{ expire: 0 }` cuts short an
 * earlier `'max'`); equal instants keep the sooner expiry. Replays and races are then harmless.
 * @param {{ stale?: number, expired?: number } | undefined} a
 * @param {{ stale?: number, expired?: number } | undefined} b
 */
export function mergeTagState(a, b) {
  if (!a) return { stale: b?.stale ?? 0, expired: b?.expired ?? 0 };
  if (!b) return { stale: a.stale ?? 0, expired: a.expired ?? 0 };
  const sa = a.stale ?? 0;
  const sb = b.stale ?? 0;
  if (sa !== sb) return sa > sb ? { stale: sa, expired: a.expired ?? 0 } : { stale: sb, expired: b.expired ?? 0 };
  return { stale: sa, expired: Math.min(a.expired ?? 0, b.expired ?? 0) };
}

/**
 * Whether an entry written at `lastModified` may still be served given its tags' states.
 * "stale" (a `revalidateTag(tag, 'max')`) is reported separately; the handler treats it as a miss,
 * so every instance re-renders instead of one serving an old copy the others already dropped.
 * @param {Iterable<{ stale?: number, expired?: number } | undefined>} states
 * @param {number} lastModified
 * @param {number} now
 * @returns {"fresh" | "stale" | "expired"}
 */
export function tagVerdict(states, lastModified, now) {
  let verdict = /** @type {"fresh" | "stale" | "expired"} */ ("fresh");
  for (const s of states) {
    if (!s) continue;
    // At the same millisecond the entry may predate the revalidation: dropping it costs one render.
    if (s.expired && s.expired >= lastModified && s.expired <= now) return "expired";
    if (s.stale && s.stale >= lastModified) verdict = "stale";
  }
  return verdict;
}

/**
 * Tags an entry depends on: a page's own header tags, or a data entry's tags plus the implicit
 * (path) tags of the request reading it.
 * @param {any} value the cached value (APP_PAGE, APP_ROUTE, PAGES, FETCH, …)
 * @param {{ tags?: string[], softTags?: string[] } | undefined} ctx
 * @returns {string[]}
 */
export function entryTags(value, ctx) {
  const tags = new Set();
  const header = value?.headers?.["x-next-cache-tags"];
  if (typeof header === "string") for (const t of header.split(",")) if (t) tags.add(t);
  if (value?.kind === "FETCH" && Array.isArray(value.tags)) for (const t of value.tags) tags.add(t);
  for (const t of ctx?.tags ?? []) tags.add(t);
  for (const t of ctx?.softTags ?? []) tags.add(t);
  return [...tags];
}

/**
 * Key prefix: one namespace per build (renders embed chunk names of their build) and per database
 * (renders embed its content). `override` replaces the database part (MASTHEAD_CACHE_NAMESPACE),
 * for instances that reach one database through different URLs.
 * @param {{ buildId: string, databaseFingerprint: string, override?: string }} p
 */
export function cacheNamespace({ buildId, databaseFingerprint, override }) {
  const clean = (/** @type {string} */ s) => s.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 64);
  return `masthead:${clean(buildId)}:${clean(override || databaseFingerprint)}`;
}

/**
 * Short stable id of the database the renders came from (its URL, or the embedded database).
 * @param {string | undefined} databaseUrl
 */
export function databaseFingerprint(databaseUrl) {
  return createHash("sha256")
    .update(databaseUrl || "pglite")
    .digest("hex")
    .slice(0, 12);
}
