// Types for shared-cache.mjs (plain JavaScript so Next can import the cache handler directly).
import type { CacheControl, TagState } from "./rules.mjs";

export type CacheEntry = { lastModified: number; value: unknown; cacheControl?: CacheControl };
export type Log = { warn: (m: string) => void; info: (m: string) => void };

export class SharedCache {
  constructor(opts: { url: string; namespace: string; localBytes?: number; commandTimeoutMs?: number; coolOffMs?: number; log?: Log; now?: () => number });
  readonly ns: string;
  readonly link: { available(): boolean; readonly outage: boolean; readonly client: import("redis").RedisClientType };
  readonly pendingTags: Map<string, TagState>;
  onLocalRevalidate: ((tags: string[], states: TagState[]) => void) | undefined;
  entryKey(key: string): string;
  versionKey(key: string): string;
  readonly tagsKey: string;
  get(key: string, ctx?: { tags?: string[]; softTags?: string[] }): Promise<CacheEntry | null>;
  set(key: string, value: unknown, ctx?: { tags?: string[]; cacheControl?: CacheControl }): Promise<void>;
  revalidateTag(tags: string[], durations?: { expire?: number }): Promise<void>;
  applyRemoteRevalidation(tags: string[], states: TagState[]): void;
  flushPendingTags(): Promise<void>;
  close(): Promise<void>;
}

export function offerBuildSeed(cache: SharedCache, key: string, seed: CacheEntry, ctx?: { tags?: string[]; softTags?: string[] }): Promise<CacheEntry | null>;
