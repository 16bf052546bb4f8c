// Background work that must survive a database that is down when the server starts (issue 15 §5):
// run `task` until it succeeds once, logging each failure and waiting longer each time (capped),
// so an instance that booted before PostgreSQL recovers by itself instead of until a restart.

export const RETRY_FIRST_MS = 500;
export const RETRY_MAX_MS = 30_000;

export function backoffDelay(attempt: number, firstMs = RETRY_FIRST_MS, maxMs = RETRY_MAX_MS): number {
  return Math.min(maxMs, firstMs * 2 ** Math.max(0, attempt));
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Resolves when the first attempt settles (true: it succeeded), so a caller may wait for the
 * common case without waiting out an outage; later attempts go on in the background until one
 * succeeds.
 */
export function startWithRetry(label: string, task: () => Promise<void>, opts: { firstMs?: number; maxMs?: number } = {}): Promise<boolean> {
  return new Promise((resolveFirst) => {
    let attempt = 0;
    const run = async () => {
      try {
        await task();
        if (attempt > 0) console.log(`[${label}] started after ${attempt} failed attempt${attempt === 1 ? "" : "s"}`);
        if (attempt === 0) resolveFirst(true);
      } catch (err) {
        const wait = backoffDelay(attempt, opts.firstMs, opts.maxMs);
        console.error(`[${label}] could not start (${message(err)}); retrying in ${Math.round(wait / 100) / 10} s`);
        if (attempt === 0) resolveFirst(false);
        attempt++;
        setTimeout(() => void run(), wait).unref();
      }
    };
    void run();
  });
}
