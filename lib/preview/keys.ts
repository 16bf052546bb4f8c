import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

// Derived from AUTH_SECRET (every instance agrees) but distinct from it: a leaked preview key never
// lets anyone forge sessions or unsubscribe links.
let cached: { secret: string; key: string } | null = null;

export function previewKey(): string {
  const secret = authSecret();
  if (cached?.secret !== secret) cached = { secret, key: createHmac("sha256", secret).update("masthead-preview-v1").digest("hex") };
  return cached.key;
}
