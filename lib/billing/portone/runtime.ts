import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { processSlot } from "@/lib/process-state";
import { billingSettings } from "../config";
import { createPortOneApi, type PortOneApi } from "./api";
import { portoneSettings } from "./config";
import { PortOneStandIn } from "./standin/server";
import { newWebhookSecret } from "./standin/webhooks";
import { handlePortOneWebhook } from "./webhook";

// The PortOne API and webhook secret this instance uses. With PORTONE_API_SECRET: the real API
// (PORTONE_API_BASE overrides where). Without: the local stand-in, started once per process on a
// loopback port, its books and webhook secret kept in the data directory, its webhooks handed to
// the webhook endpoint's own code in-process (as the Stripe demo does) — so the SDK, the webhook
// verification and every line after it run exactly as in production.

export type PortOneSlot = { standIn: Promise<{ standIn: PortOneStandIn; apiSecret: string; webhookSecret: string }> | null; renewalStarted: boolean };

const slot = () => processSlot("portone", (): PortOneSlot => ({ standIn: null, renewalStarted: false }));
export const STANDIN_STORE_ID = "store-masthead-standin";

function readOrCreate(file: string, make: () => string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${make()}\n`, { flag: "wx", mode: 0o600 });
  } catch (err) {
    if (!(err instanceof Error && "code" in err && err.code === "EEXIST")) throw err;
  }
  return fs.readFileSync(file, "utf8").trim();
}

function standIn() {
  const s = slot();
  s.standIn ??= (async () => {
    const dir = getEnv().MASTHEAD_DATA_DIR;
    const webhookSecret = readOrCreate(path.resolve(dir, "portone-standin-webhook-secret"), newWebhookSecret);
    const apiSecret = readOrCreate(path.resolve(dir, "portone-standin-api-secret"), () => randomBytes(24).toString("hex"));
    const instance = new PortOneStandIn({
      apiSecret,
      webhookSecret,
      storeId: STANDIN_STORE_ID,
      stateFile: path.resolve(dir, "portone-standin.json"),
      deliver: async (w) => {
        const api = await getPortOneApi();
        const r = await handlePortOneWebhook(await getDb(), w.body, new Headers(w.headers), webhookSecret, {
          api,
          pastDueGraceMs: billingSettings().pastDueGraceMs,
          storeId: STANDIN_STORE_ID,
          livemode: false,
        });
        if (r.status !== 200) console.error(`[portone] stand-in webhook answered ${r.status}`);
      },
    });
    await instance.start();
    return { standIn: instance, apiSecret, webhookSecret };
  })();
  return s.standIn;
}

export async function getPortOneApi(): Promise<PortOneApi> {
  const settings = portoneSettings();
  if (settings.apiSecret) {
    return createPortOneApi({
      secret: settings.apiSecret,
      baseUrl: settings.apiBase ?? undefined,
      storeId: settings.storeId ?? undefined,
      channelKey: settings.channelKey ?? undefined,
    });
  }
  const s = await standIn();
  return createPortOneApi({ secret: s.apiSecret, baseUrl: s.standIn.url, storeId: STANDIN_STORE_ID });
}

/** PORTONE_WEBHOOK_SECRET, or the stand-in's own (null: real keys without a webhook secret). */
export async function getPortOneWebhookSecret(): Promise<string | null> {
  const settings = portoneSettings();
  if (settings.apiSecret) return settings.webhookSecret;
  return (await standIn()).webhookSecret;
}

export function portoneStoreId(): string {
  return portoneSettings().storeId ?? STANDIN_STORE_ID;
}

export { slot as portoneSlot };
