// Next's runtime cache on disk: the full-route cache (per-tier renders) and the data cache
// (unstable_cache entries). Sizes by file so growth can be attributed to (tier, piece) pairs.
import fs from "node:fs";
import path from "node:path";

export const CACHE_DIRS = ["server/route-cache", "cache/fetch-cache"];

export type CacheSnapshot = Map<string, number>; // path relative to distDir → bytes

export function snapshotCache(distDir: string): CacheSnapshot {
  const snap: CacheSnapshot = new Map();
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) snap.set(path.relative(distDir, p), fs.statSync(p).size);
    }
  };
  for (const d of CACHE_DIRS) walk(path.join(distDir, d));
  return snap;
}

export const totalBytes = (s: CacheSnapshot) => [...s.values()].reduce((a, b) => a + b, 0);

// Cache writes finish after the response: wait until the snapshot stops changing.
export async function settledSnapshot(distDir: string, quietMs = 1_500, maxMs = 15_000): Promise<CacheSnapshot> {
  const deadline = Date.now() + maxMs;
  let last = snapshotCache(distDir);
  let lastKey = key(last);
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const now = snapshotCache(distDir);
    const k = key(now);
    if (k !== lastKey) {
      last = now;
      lastKey = k;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) break;
  }
  return last;
}

const key = (s: CacheSnapshot) => [...s.entries()].sort().map(([p, n]) => `${p}:${n}`).join("|");

export type CacheDiff = { added: [string, number][]; removed: [string, number][]; changed: [string, number, number][] };

export function diffCache(before: CacheSnapshot, after: CacheSnapshot): CacheDiff {
  const added: [string, number][] = [];
  const removed: [string, number][] = [];
  const changed: [string, number, number][] = [];
  for (const [p, n] of after) {
    const was = before.get(p);
    if (was === undefined) added.push([p, n]);
    else if (was !== n) changed.push([p, was, n]);
  }
  for (const [p, n] of before) if (!after.has(p)) removed.push([p, n]);
  return { added, removed, changed };
}

// Which (tier, piece) pair a cache file belongs to, when it can tell: route-cache paths name
// the render path; data-cache entries carry the tier and slug in their JSON body.
export function pairOf(distDir: string, rel: string): string | null {
  const m = /\/t\/([^/]+)\/articles\/([^/.]+)/.exec(rel);
  if (m) return `${m[1]}/${m[2]}`;
  if (!rel.startsWith("cache/fetch-cache/")) return null;
  try {
    const text = fs.readFileSync(path.join(distDir, rel), "utf8");
    const tier = /\\?"tier\\?":\\?"([a-z0-9-]+)\\?"/.exec(text);
    const slug = /\\?"slug\\?":\\?"([a-z0-9-]+)\\?"/.exec(text);
    return tier && slug ? `${tier[1]}/${slug[1]}` : null;
  } catch {
    return null;
  }
}
