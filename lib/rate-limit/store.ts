import type { WindowCount } from "./window";

// A place to count hits. `hit` counts one hit for `key` atomically and reports the window it fell
// in; it throws (or rejects) when the backing service cannot answer.
export interface CounterStore {
  readonly name: string;
  hit(key: string, windowMs: number, nowMs: number): Promise<WindowCount>;
}
