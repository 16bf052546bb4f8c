import "server-only";
import { getDb } from "@/db/client";
import { getEnv, siteUrl } from "@/lib/env";
import { billingSettings } from "../config";
import type { DemoEvent } from "./events";
import type { DemoDeps } from "./flow";
import { deriveIntentKey } from "./intent";
import { deliverDemoEvents } from "./send";
import { expectedLivemode } from "../stripe/config";
import { handleStripeWebhook } from "../stripe/webhook";
import { getWebhookSecret } from "../stripe/webhook-secret";

// Demo events are signed exactly as Stripe signs them and handed, body and Stripe-Signature
// header, to the webhook endpoint's own code (same verification, options and secret as
// app/api/stripe/webhook/route.ts). The hop happens in-process rather than over HTTP: a server
// behind a proxy or in a container cannot always reach its own public SITE_URL, and in-process
// this instance also learns the new access epoch before the page that follows is requested.
const webhookInProcess: typeof fetch = async (_url, init) => {
  const headers = new Headers(init?.headers);
  const body = typeof init?.body === "string" ? init.body : "";
  const r = await handleStripeWebhook(await getDb(), body, headers.get("stripe-signature"), getWebhookSecret(), new Date(), {
    pastDueGraceMs: billingSettings().pastDueGraceMs,
    expectLivemode: expectedLivemode(),
  });
  return Response.json(r.body, { status: r.status });
};

export class DemoDeliveryError extends Error {
  constructor(readonly statuses: number[]) {
    super(`the webhook answered ${statuses.join(", ")}`);
    this.name = "DemoDeliveryError";
  }
}

/** Delivers the events in order; throws when the webhook did not accept every one. */
export async function deliverToWebhook(events: readonly DemoEvent[]): Promise<void> {
  const statuses = await deliverDemoEvents(`${siteUrl()}/api/stripe/webhook`, events, { fetchImpl: webhookInProcess });
  if (statuses.some((s) => s !== 200)) throw new DemoDeliveryError(statuses);
}

/** What the demo flows need in the running app: the in-process webhook and the period override. */
export function demoDeps(): DemoDeps {
  return { deliver: deliverToWebhook, periodSeconds: getEnv().MASTHEAD_DEMO_PERIOD_SECONDS ?? null };
}

export function demoIntentKey(): Buffer {
  return deriveIntentKey(getWebhookSecret());
}
