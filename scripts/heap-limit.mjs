// @ts-check
// The V8 heap ceiling given to every production server (`npm start`, the e2e and bench servers).
//
// Without one, V8 derives the ceiling from the machine's memory (about 4 GB on a 24 GB host) and
// scales with it how far the heap may grow between full collections: up to 4 × the live data from
// a 2 GB ceiling on (64-bit Node 20), about 1.6 × at 1 GB. Under sustained load a server's RSS
// then climbs for minutes with no leak behind it (`npm run bench -- --soak`: 735 MB → 1,658 MB in
// 5 minutes; heap snapshots stay flat). A ceiling sized for the instance keeps memory flat.
// 1 GB leaves room for the largest WordPress import (50 MB: ~530 MB RSS in the CLI).

export const DEFAULT_HEAP_MB = 1024;
const MIN_HEAP_MB = 128;

/**
 * NODE_OPTIONS for the server: the caller's, plus `--max-old-space-size` from MASTHEAD_HEAP_MB
 * (default 1024; `0` leaves V8's own choice). An explicit `--max-old-space-size` already in
 * NODE_OPTIONS wins. Throws with a readable message on a malformed value.
 * @param {Record<string, string | undefined>} env
 * @returns {string}
 */
export function serverNodeOptions(env) {
  const current = (env.NODE_OPTIONS ?? "").trim();
  if (/--max-old-space-size[= ]/.test(current)) return current;
  const raw = (env.MASTHEAD_HEAP_MB ?? "").trim();
  const mb = raw === "" ? DEFAULT_HEAP_MB : Number(raw);
  if (!Number.isInteger(mb) || (mb !== 0 && mb < MIN_HEAP_MB)) {
    throw new Error(`MASTHEAD_HEAP_MB must be a whole number of megabytes, at least ${MIN_HEAP_MB} (or 0 for V8's default); got "${raw}".`);
  }
  if (mb === 0) return current;
  return [current, `--max-old-space-size=${mb}`].filter(Boolean).join(" ");
}
