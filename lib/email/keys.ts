import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

// The unsubscribe key, derived from AUTH_SECRET (so every instance agrees) but distinct from it: a
// leaked unsubscribe key never lets anyone forge sessions.
let cached: { secret: string; key: string } | null = null;

export function unsubscribeKey(): string {
  const secret = authSecret();
  if (cached?.secret !== secret) cached = { secret, key: createHmac("sha256", secret).update("masthead-unsubscribe-v1").digest("hex") };
  return cached.key;
}
