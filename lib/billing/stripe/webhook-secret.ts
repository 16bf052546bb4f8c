import "server-only";
import { getEnv } from "@/lib/env";
import { readOrCreateSecret, webhookSecretFile } from "./webhook-secret-file";

// The webhook signing secret: STRIPE_WEBHOOK_SECRET, or — for the local demo, whose checkout signs
// its own events — one generated once and kept in the data directory so it survives restarts and
// is shared by every process using that directory.

export { readOrCreateSecret };

export function webhookSecretPath(dataDir = getEnv().MASTHEAD_DATA_DIR): string {
  return webhookSecretFile(dataDir);
}

export function getWebhookSecret(): string {
  return getEnv().STRIPE_WEBHOOK_SECRET ?? readOrCreateSecret(webhookSecretPath());
}
