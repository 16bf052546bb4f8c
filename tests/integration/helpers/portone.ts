import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { getPublicationBySlug } from "@/db/queries/publications";
import { portoneSubscriptions, type Member } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { forgetEpochs } from "@/lib/auth/epochs";
import { newDemoIntent, type DemoIntent } from "@/lib/billing/demo/intent";
import { createPortOneApi, type PortOneApi } from "@/lib/billing/portone/api";
import { completePortOneCheckout } from "@/lib/billing/portone/checkout";
import { PortOneStandIn } from "@/lib/billing/portone/standin/server";
import { newWebhookSecret } from "@/lib/billing/portone/standin/webhooks";
import { portoneCustomerId } from "@/lib/billing/portone/subscription-state";
import { openTestDatabase, type TestDatabase } from "./databases";

// The PortOne stand-in as tests use it: a local HTTP server the real SDK client talks to.

export const GRACE_MS = 3 * 86_400_000;
export const STORE_ID = "store-test";

export type PortOneHarness = { standIn: PortOneStandIn; api: PortOneApi; secret: string; apiSecret: string };

export async function startPortOne(opts: { stateFile?: string } = {}): Promise<PortOneHarness> {
  const secret = newWebhookSecret();
  const apiSecret = randomBytes(16).toString("hex");
  const standIn = new PortOneStandIn({ apiSecret, webhookSecret: secret, storeId: STORE_ID, stateFile: opts.stateFile ?? null });
  await standIn.start();
  return { standIn, secret, apiSecret, api: createPortOneApi({ secret: apiSecret, baseUrl: standIn.url, storeId: STORE_ID }) };
}

export type PortOneSuite = { t: TestDatabase; h: PortOneHarness; dataId: number };

/** The demo install as of `at`, with the stand-in running; `dataId`: the second publication's id. */
export async function openPortOneSuite(kind: TestDatabase["kind"], at: Date): Promise<PortOneSuite> {
  const t = await openTestDatabase(kind);
  await seedDemo(t.db, at);
  const dataId = (await getPublicationBySlug(t.db, "data"))!.id;
  forgetEpochs();
  return { t, h: await startPortOne(), dataId };
}

export async function closePortOneSuite(suite: Partial<PortOneSuite>): Promise<void> {
  await suite.h?.standIn.stop();
  await suite.t?.close();
}

/** Parks every subscription's next charge far ahead, so a case's renewals see only its own. */
export async function parkRenewals(db: Db): Promise<void> {
  await db.update(portoneSubscriptions).set({ nextChargeAt: new Date("2100-01-01T00:00:00Z") });
}

/** A billing key issued to the member, as PortOne's browser window issues one. */
export async function issueKey(api: PortOneApi, member: Pick<Member, "id" | "email">, card = "4242424242424242") {
  return (
    await api.issueBillingKey({ card: { number: card, expiryYear: "30", expiryMonth: "12" }, customerId: portoneCustomerId(member.id), email: member.email })
  ).billingKey;
}

export async function subscribe(
  db: Db,
  h: PortOneHarness,
  member: Member,
  plan: { publicationId: number; tier: string; interval?: "monthly" | "yearly" },
  now: Date,
  card?: string,
) {
  const intent: DemoIntent = newDemoIntent(
    { memberId: member.id, publicationId: plan.publicationId, tier: plan.tier, interval: plan.interval ?? "monthly" },
    now,
  );
  const billingKey = await issueKey(h.api, member, card);
  const outcome = await completePortOneCheckout(db, h.api, { member, intent, billingKey, pastDueGraceMs: GRACE_MS, periodSeconds: null }, now);
  return { intent, billingKey, outcome };
}
