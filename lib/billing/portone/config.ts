import { getEnv } from "@/lib/env";

// PortOne settings from the validated environment (lib/env.ts). With PORTONE_API_SECRET the real
// API (or PORTONE_API_BASE) is used; without it the local stand-in (lib/billing/portone/standin).

export type PortOneSettings = {
  apiSecret: string | null;
  webhookSecret: string | null;
  storeId: string | null;
  channelKey: string | null;
  apiBase: string | null;
  renewalSeconds: number;
};

export function portoneSettings(): PortOneSettings {
  const env = getEnv();
  return {
    apiSecret: env.PORTONE_API_SECRET ?? null,
    webhookSecret: env.PORTONE_WEBHOOK_SECRET ?? null,
    storeId: env.PORTONE_STORE_ID ?? null,
    channelKey: env.PORTONE_CHANNEL_KEY ?? null,
    apiBase: env.PORTONE_API_BASE ?? null,
    renewalSeconds: env.PORTONE_RENEWAL_SECONDS,
  };
}

/** True when real PortOne keys are set: the browser SDK issues billing keys, no stand-in runs. */
export const isPortOneConfigured = () => portoneSettings().apiSecret !== null;
