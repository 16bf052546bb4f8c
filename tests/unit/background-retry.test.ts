import { afterEach, describe, expect, it, vi } from "vitest";
import { backoffDelay, RETRY_NOW_MIN_GAP_MS, retryWaitingStartsNow, startWithRetry, waitingStartLabels } from "@/lib/background/retry";
import { clearProcessSlot } from "@/lib/process-state";

// A task that fails while `down` is true, counting its attempts.
function flakyTask() {
  const task = { down: true, attempts: 0, run: async () => {} };
  task.run = async () => {
    task.attempts++;
    if (task.down) throw new Error("ECONNREFUSED 127.0.0.1:5432");
  };
  return task;
}

afterEach(() => {
  vi.restoreAllMocks();
  clearProcessSlot("waitingStarts");
});

describe("backoffDelay", () => {
  it("doubles from the first delay and stops at the cap", () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, 500, 30_000))).toEqual([500, 1_000, 2_000, 4_000]);
    expect(backoffDelay(10, 500, 30_000)).toBe(30_000);
  });
});

describe("startWithRetry", () => {
  it("resolves true when the first attempt succeeds, and leaves nothing waiting", async () => {
    const task = flakyTask();
    task.down = false;
    await expect(startWithRetry("ok", task.run)).resolves.toBe(true);
    expect(waitingStartLabels()).toEqual([]);
  });

  it("resolves false after a failed first attempt and keeps trying on its own until one succeeds", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const task = flakyTask();
    await expect(startWithRetry("tables", task.run, { firstMs: 5, maxMs: 5 })).resolves.toBe(false);
    expect(waitingStartLabels()).toEqual(["tables"]);
    await vi.waitFor(() => expect(task.attempts).toBeGreaterThanOrEqual(3));
    task.down = false;
    await vi.waitFor(() => expect(waitingStartLabels()).toEqual([]));
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^\[tables\] started after \d+ failed attempts$/));
  });
});

describe("retryWaitingStartsNow", () => {
  it("runs a start waiting out a long backoff at once, and resolves when that attempt has settled", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "log").mockImplementation(() => {});
    const task = flakyTask();
    // The next attempt on its own would come in a minute.
    await startWithRetry("publications", task.run, { firstMs: 60_000, maxMs: 60_000 });
    expect(task.attempts).toBe(1);
    task.down = false;
    await retryWaitingStartsNow(1_000_000);
    expect(task.attempts).toBe(2);
    expect(waitingStartLabels()).toEqual([]);
  });

  it("tries again at most once per gap while the database stays down, and shares a round in flight", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const task = flakyTask();
    await startWithRetry("access", task.run, { firstMs: 60_000, maxMs: 60_000 });
    const t0 = 2_000_000;
    const first = retryWaitingStartsNow(t0);
    expect(retryWaitingStartsNow(t0)).toBe(first);
    await first;
    expect(task.attempts).toBe(2);
    // Still down: the failed attempt waits again, and a poke within the gap does nothing.
    expect(waitingStartLabels()).toEqual(["access"]);
    await retryWaitingStartsNow(t0 + RETRY_NOW_MIN_GAP_MS - 1);
    expect(task.attempts).toBe(2);
    await retryWaitingStartsNow(t0 + RETRY_NOW_MIN_GAP_MS);
    expect(task.attempts).toBe(3);
  });

  it("does nothing when no start is waiting", async () => {
    await expect(retryWaitingStartsNow(3_000_000)).resolves.toBeUndefined();
    expect(waitingStartLabels()).toEqual([]);
  });
});
