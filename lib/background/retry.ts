// Background work that must survive a database that is down when the server starts (issue 15 §5):
// run `task` until it succeeds once, logging each failure and waiting longer each time (capped),
// so an instance that booted before PostgreSQL recovers by itself instead of until a restart.
// A start waiting out its backoff can also be tried at once (`retryWaitingStartsNow`): the health
// check does so when the database has just answered, and the proxy when it must answer "starting",
// so recovery follows the database's return instead of the next step of the backoff (up to 30 s).
import { processSlot } from "@/lib/process-state";

export const RETRY_FIRST_MS = 500;
export const RETRY_MAX_MS = 30_000;
/** Immediate retries run at most this often (a stream of requests during an outage). */
export const RETRY_NOW_MIN_GAP_MS = 1_000;

export type WaitingStarts = {
  /** Label → run the next attempt now (cancels its timer); resolves when that attempt settles. */
  waiting: Map<string, () => Promise<void>>;
  round: Promise<void> | null;
  lastRoundAt: number;
};

const waitingStarts = () => processSlot("waitingStarts", (): WaitingStarts => ({ waiting: new Map(), round: null, lastRoundAt: -Infinity }));

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
  const state = waitingStarts();
  return new Promise((resolveFirst) => {
    let attempt = 0;
    const run = async (): Promise<void> => {
      state.waiting.delete(label);
      try {
        await task();
        if (attempt > 0) console.log(`[${label}] started after ${attempt} failed attempt${attempt === 1 ? "" : "s"}`);
        if (attempt === 0) resolveFirst(true);
      } catch (err) {
        const wait = backoffDelay(attempt, opts.firstMs, opts.maxMs);
        console.error(`[${label}] could not start (${message(err)}); retrying in ${Math.round(wait / 100) / 10} s`);
        if (attempt === 0) resolveFirst(false);
        attempt++;
        const timer = setTimeout(() => void run(), wait).unref();
        state.waiting.set(label, () => {
          clearTimeout(timer);
          return run();
        });
      }
    };
    void run();
  });
}

/** Labels of the starts waiting out a backoff (for tests and logs). */
export function waitingStartLabels(): string[] {
  return [...waitingStarts().waiting.keys()];
}

/**
 * Tries every start that is waiting out its backoff now, once, and resolves when those attempts
 * have settled (a round already running is shared). Rounds are at least RETRY_NOW_MIN_GAP_MS
 * apart, so requests arriving during an outage do not turn into a stream of connection attempts.
 */
export function retryWaitingStartsNow(now = Date.now()): Promise<void> {
  const state = waitingStarts();
  if (state.round) return state.round;
  if (state.waiting.size === 0 || now - state.lastRoundAt < RETRY_NOW_MIN_GAP_MS) return Promise.resolve();
  state.lastRoundAt = now;
  const attempts = [...state.waiting.values()].map((runNow) => runNow());
  state.round = Promise.allSettled(attempts).then(() => {
    state.round = null;
  });
  return state.round;
}
