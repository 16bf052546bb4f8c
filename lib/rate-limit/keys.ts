import { createHash } from "node:crypto";
import type { RateLimitRule } from "./window";

// Counter keys carry a digest of the subject, never the subject itself: e-mail addresses and IPs
// stay out of Redis and the rate_limits table, and every key has the same bounded length.
// Subjects are case-folded and trimmed so "A@x.org" and "a@x.org " share one budget.
export function limitKey(rule: Pick<RateLimitRule, "name">, subject: string): string {
  const digest = createHash("sha256").update(subject.trim().toLowerCase()).digest("base64url").slice(0, 22);
  return `rl:${rule.name}:${digest}`;
}
