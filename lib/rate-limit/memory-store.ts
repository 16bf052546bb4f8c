import type { CounterStore } from "./store";
import { nextWindow, windowCount, type WindowState } from "./window";

const PRUNE_ABOVE = 10_000;

// Per-process counters: the last resort when neither Redis nor the database answers, and the
// store unit tests drive. Closed windows are dropped once the map grows large.
export function createMemoryStore(): CounterStore & { size(): number } {
  const windows = new Map<string, WindowState & { windowMs: number }>();
  return {
    name: "memory",
    async hit(key, windowMs, nowMs) {
      if (windows.size > PRUNE_ABOVE) {
        for (const [k, w] of windows) if (nowMs >= w.startMs + w.windowMs) windows.delete(k);
      }
      const next = nextWindow(windows.get(key), nowMs, windowMs);
      windows.set(key, { ...next, windowMs });
      return windowCount(next, windowMs);
    },
    size: () => windows.size,
  };
}
