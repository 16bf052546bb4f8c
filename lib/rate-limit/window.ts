// Pure fixed-window arithmetic shared by every counter store. A window opens at a subject's first
// hit and lasts windowMs; the store reports the count including this hit and when the window
// closes. A fixed window may let up to 2×limit through across a boundary; for abuse limits
// (sign-in mail, comments, search, API) that burst is acceptable and keeps each check to one
// atomic operation in Redis or PostgreSQL.

export type WindowCount = { count: number; resetAtMs: number };
export type WindowState = { count: number; startMs: number };

export type RateLimitResult = { ok: true; remaining: number; resetAtMs: number } | { ok: false; retryAfterSeconds: number; resetAtMs: number };

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

// The decision once a hit has been counted: allowed while the count stays within the limit.
export function decide(hit: WindowCount, limit: number, nowMs: number): RateLimitResult {
  if (hit.count <= limit) return { ok: true, remaining: limit - hit.count, resetAtMs: hit.resetAtMs };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((hit.resetAtMs - nowMs) / 1000)), resetAtMs: hit.resetAtMs };
}

// One hit against an in-memory window: a closed (or missing) window restarts at nowMs.
export function nextWindow(state: WindowState | undefined, nowMs: number, windowMs: number): WindowState {
  if (!state || nowMs >= state.startMs + windowMs) return { count: 1, startMs: nowMs };
  return { count: state.count + 1, startMs: state.startMs };
}

export function windowCount(state: WindowState, windowMs: number): WindowCount {
  return { count: state.count, resetAtMs: state.startMs + windowMs };
}
