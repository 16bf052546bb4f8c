import fs from "node:fs";
import path from "node:path";

// nginx cache entries on disk (one file per key), for "entries stay at tiers × pieces".
export function countCacheEntries(cacheDir: string): number {
  let n = 0;
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.isFile()) n++;
    }
  };
  if (fs.existsSync(cacheDir)) walk(cacheDir);
  return n;
}
