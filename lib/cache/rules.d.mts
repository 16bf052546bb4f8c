// Types for rules.mjs (plain JavaScript so Next can import the cache handler without a bundler).
export type TagState = { stale: number; expired: number };
export type CacheControl = { revalidate?: number | false; expire?: number };
export const MAX_ENTRY_TTL_SECONDS: number;
export const TAG_STATE_TTL_SECONDS: number;
export function entryTtlSeconds(cacheControl: CacheControl | undefined): number;
export function tagStateAfterRevalidate(previous: Partial<TagState> | undefined, now: number, durations: { expire?: number } | undefined): TagState;
export function mergeTagState(a: Partial<TagState> | undefined, b: Partial<TagState> | undefined): TagState;
export function tagVerdict(states: Iterable<Partial<TagState> | undefined>, lastModified: number, now: number): "fresh" | "stale" | "expired";
export function entryTags(value: unknown, ctx: { tags?: string[]; softTags?: string[] } | undefined): string[];
export function cacheNamespace(p: { buildId: string; databaseFingerprint: string; override?: string }): string;
export function databaseFingerprint(databaseUrl: string | undefined): string;
