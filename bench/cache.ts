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

const key = (s: CacheSnapshot) =>
  [...s.entries()]
    .sort()
    .map(([p, n]) => `${p}:${n}`)
    .join("|");

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

// Which (publication, tier, piece) render a cache file belongs to, when it can tell, as
// "<publication slug>/<tier>/<piece slug>": route-cache paths name the render path
// (/t/<publication>/<tier>/articles/<slug>); data-cache entries carry the tier, the piece's slug and
// its publication's id in their JSON body (`publicationSlugs` names the id; else "#<id>").
export function pairOf(distDir: string, rel: string, publicationSlugs?: ReadonlyMap<number, string>): string | null {
  const m = /\/t\/([^/]+)\/([^/]+)\/articles\/([^/.]+)/.exec(rel);
  if (m) return `${m[1]}/${m[2]}/${m[3]}`;
  if (!rel.startsWith("cache/fetch-cache/")) return null;
  try {
    const text = fs.readFileSync(path.join(distDir, rel), "utf8");
    const tier = /\\?"tier\\?":\\?"([a-z0-9-]+)\\?"/.exec(text);
    const slug = /\\?"slug\\?":\\?"([a-z0-9-]+)\\?"/.exec(text);
    const pub = /\\?"publicationId\\?":(\d+)/.exec(text);
    if (!tier || !slug || !pub) return null;
    const id = Number(pub[1]);
    return `${publicationSlugs?.get(id) ?? `#${id}`}/${tier[1]}/${slug[1]}`;
  } catch {
    return null;
  }
}

export type Growth = { grown: number; allowedBytes: number; unexplained: string[] };

// What changed between two snapshots that new (publication, tier, piece) renders do not explain:
// with one shared render per (publication, tier, piece), more readers add nothing else.
export function explainGrowth(
  distDir: string,
  before: CacheSnapshot,
  after: CacheSnapshot,
  newPairs: ReadonlySet<string>,
  publicationSlugs?: ReadonlyMap<number, string>,
): Growth {
  const diff = diffCache(before, after);
  const allowed = diff.added.filter(([p]) => {
    const pair = pairOf(distDir, p, publicationSlugs);
    return pair !== null && newPairs.has(pair);
  });
  const unexplained = [
    ...diff.added.filter((x) => !allowed.includes(x)).map(([p, n]) => `+${p} (${n} B)`),
    ...diff.removed.map(([p, n]) => `-${p} (${n} B)`),
    ...diff.changed.map(([p, x, y]) => `~${p} (${x} → ${y} B)`),
  ];
  return { grown: totalBytes(after) - totalBytes(before), allowedBytes: allowed.reduce((s, [, n]) => s + n, 0), unexplained };
}

// Bytes by (publication, tier, piece) render, "(shared)" for entries that belong to none.
export function bytesByPair(distDir: string, snap: CacheSnapshot, publicationSlugs?: ReadonlyMap<number, string>): [string, number][] {
  const by = new Map<string, number>();
  for (const [p, n] of snap) {
    const pair = pairOf(distDir, p, publicationSlugs) ?? "(shared)";
    by.set(pair, (by.get(pair) ?? 0) + n);
  }
  return [...by.entries()].sort();
}
