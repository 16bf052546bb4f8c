// @ts-check
import { decodeEntry, encodeEntry } from "./codec.mjs";
import { LocalStore } from "./local-store.mjs";
import { RedisLink, RedisUnavailable } from "./redis-link.mjs";
import { MAX_ENTRY_TTL_SECONDS, TAG_STATE_TTL_SECONDS, entryTags, entryTtlSeconds, mergeTagState, tagStateAfterRevalidate, tagVerdict } from "./rules.mjs";

/** @typedef {import("./rules.mjs").TagState} TagState */

// The cache shared by every server instance through Redis, independent of Next's types.
//
// Redis holds, per namespace: `e:<key>` the encoded entry, `v:<key>` its version (the instant it
// was rendered) and one hash `tags` of tag → "stale:expired" instants. A read checks the entry's
// tags against that hash, so a revalidation by any instance is seen by all on their next read.
//
// Each instance also keeps a bounded local copy of entries and of tag states. While Redis is
// reachable the local copy is only used when its version equals the shared one (it saves the
// transfer). While Redis is away the instance serves and stores locally, and revalidations are
// kept as pending. When Redis returns: pending tag states are merged in (later revalidation wins,
// so they cannot undo a newer one), and entries written locally during the outage are never
// pushed: their version differs from the shared one, so shared state wins or the key is re-rendered.
// Revalidations made during an outage reach other instances through `onLocalRevalidate`, which the
// app wires to PostgreSQL NOTIFY (lib/cache/tag-broadcast.ts).

const SET_IF_NEWER = `
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
if cur >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1`;

// Same rule as mergeTagState: the later `stale` wins; on a tie, the sooner expiry.
const MERGE_TAGS = `
for i = 2, #ARGV, 3 do
  local s, e = tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
  local write = true
  local cur = redis.call('HGET', KEYS[1], ARGV[i])
  if cur then
    local cs, ce = string.match(cur, '^(%d+):(%d+)$')
    cs, ce = tonumber(cs), tonumber(ce)
    if cs and (cs > s or (cs == s and ce <= e)) then write = false end
  end
  if write then redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1] .. ':' .. ARGV[i + 2]) end
end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1`;

const LOCAL_TAGS_PRUNE_AT = 20_000;
const toInt = (/** @type {number} */ n) => String(Math.round(Math.min(n, Number.MAX_SAFE_INTEGER)));

/** @param {string | null | undefined} raw */
function parseTagState(raw) {
  if (!raw) return undefined;
  const [stale, expired] = raw.split(":").map(Number);
  return Number.isFinite(stale) && Number.isFinite(expired) ? { stale, expired } : undefined;
}

export class SharedCache {
  /**
   * @param {{ url: string, namespace: string, localBytes?: number, commandTimeoutMs?: number, coolOffMs?: number,
   *   log?: { warn: (m: string) => void, info: (m: string) => void }, now?: () => number }} opts
   */
  constructor({ url, namespace, localBytes = 64 * 1024 * 1024, commandTimeoutMs, coolOffMs, log, now = Date.now }) {
    this.ns = namespace;
    this.now = now;
    this.local = new LocalStore(localBytes);
    /** @type {Map<string, { stale: number, expired: number }>} */
    this.localTags = new Map();
    /** @type {Map<string, { stale: number, expired: number }>} revalidations Redis has not seen */
    this.pendingTags = new Map();
    /** @type {((tags: string[], states: { stale: number, expired: number }[]) => void) | undefined} */
    this.onLocalRevalidate = undefined;
    this.link = new RedisLink({ url, commandTimeoutMs, coolOffMs, log, onRecover: () => this.flushPendingTags() });
  }

  /** @param {string} key */
  entryKey(key) {
    return `${this.ns}:e:${key}`;
  }
  /** @param {string} key */
  versionKey(key) {
    return `${this.ns}:v:${key}`;
  }
  get tagsKey() {
    return `${this.ns}:tags`;
  }

  /**
   * @param {string} key
   * @param {{ tags?: string[], softTags?: string[] }} [ctx]
   * @returns {Promise<{ lastModified: number, value: any, cacheControl?: any } | null>}
   */
  async get(key, ctx) {
    let entry = this.local.get(key);
    let sharedStates = [];
    if (this.link.available()) {
      try {
        ({ entry, sharedStates } = await this.readShared(key, entry, ctx));
      } catch (err) {
        if (!(err instanceof RedisUnavailable)) throw err;
        // Fall through to the local copy, checked against local tag states only.
      }
    }
    if (!entry) return null;
    const tags = entryTags(entry.value, { tags: [...(entry.tags ?? []), ...(ctx?.tags ?? [])], softTags: ctx?.softTags });
    const states = tags.map((t, i) => mergeTagState(this.localTags.get(t), sharedStates[i]));
    // A 'max' (stale-while-revalidate) revalidation is treated like an expiry: every instance
    // re-renders rather than some serving a copy others already dropped.
    if (tagVerdict(states, entry.lastModified, this.now()) !== "fresh") return null;
    return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
  }

  /**
   * The shared entry (from the local copy when its version is current) and its tag states.
   * @param {string} key
   * @param {any} local the local copy, if any
   * @param {{ tags?: string[]; softTags?: string[] } | undefined} ctx
   */
  async readShared(key, local, ctx) {
    const tagsOf = (/** @type {any} */ entry) => entryTags(entry.value, { tags: [...(entry.tags ?? []), ...(ctx?.tags ?? [])], softTags: ctx?.softTags });
    return this.link.run(async (redis) => {
      if (local) {
        // Common case, one round trip: the version and the tag states travel in one pipeline.
        const tags = tagsOf(local);
        const [version, raw] = await Promise.all([redis.get(this.versionKey(key)), tags.length ? redis.hmGet(this.tagsKey, tags) : []]);
        if (version !== null && Number(version) === local.lastModified) return { entry: local, sharedStates: raw.map(parseTagState) };
        this.local.delete(key);
      }
      const text = await redis.get(this.entryKey(key));
      if (text === null) return { entry: undefined, sharedStates: [] };
      const entry = decodeEntry(text);
      this.local.set(key, entry, text.length);
      const tags = tagsOf(entry);
      const raw = tags.length ? await redis.hmGet(this.tagsKey, tags) : [];
      return { entry, sharedStates: raw.map(parseTagState) };
    });
  }

  /**
   * @param {string} key
   * @param {any} value
   * @param {{ tags?: string[], cacheControl?: { revalidate?: number | false, expire?: number } }} [ctx]
   */
  async set(key, value, ctx) {
    const entry = { lastModified: this.now(), value, cacheControl: ctx?.cacheControl, tags: ctx?.tags ?? [] };
    const text = encodeEntry(entry);
    this.local.set(key, entry, text.length);
    if (!this.link.available()) return;
    const ttlMs = String(entryTtlSeconds(ctx?.cacheControl) * 1000);
    await this.link
      .run((redis) => redis.eval(SET_IF_NEWER, { keys: [this.versionKey(key), this.entryKey(key)], arguments: [String(entry.lastModified), text, ttlMs] }))
      .catch(() => undefined);
  }

  /** @param {string[]} tags @param {{ expire?: number }} [durations] */
  async revalidateTag(tags, durations) {
    if (!tags.length) return;
    const now = this.now();
    const states = tags.map((tag) => {
      const state = tagStateAfterRevalidate(this.localTags.get(tag), now, durations);
      this.localTags.set(tag, state);
      this.pendingTags.set(tag, mergeTagState(this.pendingTags.get(tag), state));
      return state;
    });
    this.pruneLocalTags(now);
    this.onLocalRevalidate?.(tags, states);
    await this.flushPendingTags();
  }

  /**
   * Revalidations announced by another instance (PostgreSQL NOTIFY): applied to the local copy.
   * @param {string[]} tags
   * @param {TagState[]} states
   */
  applyRemoteRevalidation(tags, states) {
    tags.forEach((tag, i) => this.localTags.set(tag, mergeTagState(this.localTags.get(tag), states[i])));
  }

  async flushPendingTags() {
    if (!this.pendingTags.size || !this.link.available()) return;
    const batch = [...this.pendingTags];
    const args = [String(TAG_STATE_TTL_SECONDS)];
    for (const [tag, s] of batch) args.push(tag, toInt(s.stale), toInt(s.expired));
    try {
      await this.link.run((redis) => redis.eval(MERGE_TAGS, { keys: [this.tagsKey], arguments: args }));
      // Only what was sent is cleared: a revalidation that raced this flush stays pending.
      for (const [tag, s] of batch) if (this.pendingTags.get(tag) === s) this.pendingTags.delete(tag);
    } catch {
      // Stays pending; retried on the next revalidation or when Redis is back.
    }
  }

  /** @param {number} now */
  pruneLocalTags(now) {
    if (this.localTags.size < LOCAL_TAGS_PRUNE_AT) return;
    const horizon = now - MAX_ENTRY_TTL_SECONDS * 1000;
    for (const [tag, s] of this.localTags) if (Math.max(s.stale, s.expired) < horizon) this.localTags.delete(tag);
  }

  async close() {
    await this.link.close();
  }
}

/**
 * Offers a build-time prerender (read from the build folder) to the shared cache: returned, and
 * stored for every instance, only when no revalidation since its build instant touched its tags
 * and no newer shared render exists.
 * @param {SharedCache} cache @param {string} key
 * @param {{ lastModified: number, value: any, cacheControl?: any }} seed
 * @param {{ tags?: string[], softTags?: string[] }} [ctx]
 */
export async function offerBuildSeed(cache, key, seed, ctx) {
  const entry = { lastModified: seed.lastModified, value: seed.value, cacheControl: seed.cacheControl, tags: [] };
  const tags = entryTags(entry.value, ctx);
  let shared = [];
  if (cache.link.available()) {
    try {
      const raw = tags.length ? await cache.link.run((redis) => redis.hmGet(cache.tagsKey, tags)) : [];
      shared = raw.map(parseTagState);
    } catch {
      // Judged on local tag states alone.
    }
  }
  const states = tags.map((t, i) => mergeTagState(cache.localTags.get(t), shared[i]));
  if (tagVerdict(states, entry.lastModified, cache.now()) !== "fresh") return null;
  const text = encodeEntry(entry);
  cache.local.set(key, entry, text.length);
  if (cache.link.available()) {
    const ttlMs = String(entryTtlSeconds(entry.cacheControl) * 1000);
    await cache.link
      .run((redis) =>
        redis.eval(SET_IF_NEWER, { keys: [cache.versionKey(key), cache.entryKey(key)], arguments: [String(Math.round(entry.lastModified)), text, ttlMs] }),
      )
      .catch(() => undefined);
  }
  return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
}
