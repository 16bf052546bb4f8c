// Per-domain pacing: at most `perSecond` messages a second to one recipient domain from this
// instance (big mailbox providers throttle bursts from one sender). A token bucket per domain (with
// a single key: the worker's overall cap, EMAIL_RATE); pure apart from the clock the caller passes.

export class DomainPacer {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly perSecond: number) {}

  /** Milliseconds to wait before a message to `domain` may go (0: now; the token is taken). */
  take(domain: string, nowMs: number): number {
    if (this.perSecond <= 0) return 0;
    const b = this.buckets.get(domain) ?? { tokens: this.perSecond, at: nowMs };
    b.tokens = Math.min(this.perSecond, b.tokens + ((nowMs - b.at) / 1000) * this.perSecond);
    b.at = nowMs;
    this.buckets.set(domain, b);
    // The token is taken either way (the bucket may go into debt): callers that wait are queued
    // behind each other instead of all going at once when the first wait ends.
    b.tokens -= 1;
    return b.tokens >= 0 ? 0 : Math.ceil((-b.tokens / this.perSecond) * 1000);
  }
}

export function domainOf(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).toLowerCase();
}
