import "server-only";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { billingSettings } from "../config";
import { portoneSettings } from "./config";
import { runRenewals } from "./renewal";
import { getPortOneApi, portoneSlot } from "./runtime";

// This instance's PortOne renewal job (renewal.ts): a pass every PORTONE_RENEWAL_SECONDS. Started
// once from instrumentation.ts; errors never stop it. Every instance runs one: the claims decide.
export async function startPortOneRenewals(): Promise<void> {
  const state = portoneSlot();
  if (state.renewalStarted) return;
  const db = await getDb();
  state.renewalStarted = true;
  const owner = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const everyMs = portoneSettings().renewalSeconds * 1000;
  void (async () => {
    for (;;) {
      try {
        // Until a publication sells through PortOne the pass finds nothing due and asks PortOne nothing.
        const report = await runRenewals(db, {
          api: { ...lazyApi },
          owner,
          pastDueGraceMs: billingSettings().pastDueGraceMs,
          periodSeconds: portoneSettings().apiSecret ? null : (getEnv().MASTHEAD_DEMO_PERIOD_SECONDS ?? null),
        });
        if (report.claimed) console.log(`[portone] renewals: ${JSON.stringify(report)}`);
      } catch (err) {
        console.error(`[portone] renewal pass failed: ${err instanceof Error ? err.message.slice(0, 300) : String(err)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
}

// The API is only built (and the stand-in only started) when a pass has something to charge.
const lazyApi = {
  getPayment: async (id: string) => (await getPortOneApi()).getPayment(id),
  payWithBillingKey: async (i: Parameters<Awaited<ReturnType<typeof getPortOneApi>>["payWithBillingKey"]>[0]) => (await getPortOneApi()).payWithBillingKey(i),
  cancelPayment: async (i: { paymentId: string; amount?: number; reason: string }) => (await getPortOneApi()).cancelPayment(i),
  getBillingKeyInfo: async (k: string) => (await getPortOneApi()).getBillingKeyInfo(k),
  deleteBillingKey: async (k: string) => (await getPortOneApi()).deleteBillingKey(k),
  issueBillingKey: async (i: Parameters<Awaited<ReturnType<typeof getPortOneApi>>["issueBillingKey"]>[0]) => (await getPortOneApi()).issueBillingKey(i),
};
