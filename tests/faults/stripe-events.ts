// Signed Stripe deliveries for the fault tests: real-shaped subscription histories built from the
// shared fixtures (tests/integration/helpers), signed with the Stripe SDK's test-header helper at
// delivery time, as Stripe signs each attempt.
import Stripe from "stripe";
import { expect } from "vitest";
import { openDatabase } from "@/db/client";
import { DAY_MS } from "@/lib/billing/ledger/subscription-grant";
import { handleStripeWebhook } from "@/lib/billing/stripe/webhook";
import { inOrder, subscriptionHistory } from "../integration/helpers/stripe-history";
import type { FaultsContext, Session } from "./context";
import { hit, type Answer } from "./http";
import { query } from "./db";

export type Delivery = { id: string; body: string };

/** Each member's history in Stripe's order, interleaved across members (one burst of many subscriptions). */
export function histories(members: Session[], ns: string): Delivery[] {
  const lanes = members.map((m, i) =>
    inOrder(subscriptionHistory({ ns: `${ns}_${i}`, memberId: m.memberId, email: `member-${m.memberId}@example.com` }), { refund: i % 2 === 0 }).map((e) => ({
      id: String(e.id),
      body: JSON.stringify(e),
    })),
  );
  const out: Delivery[] = [];
  for (let step = 0; lanes.some((l) => step < l.length); step++) for (const lane of lanes) if (step < lane.length) out.push(lane[step]);
  return out;
}

export function signature(body: string, secret: string, at = new Date()): string {
  return Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: Math.floor(at.getTime() / 1000) });
}

export function deliver(baseUrl: string, secret: string, d: Delivery): Promise<Answer> {
  return hit(baseUrl, "/api/stripe/webhook", {
    method: "POST",
    body: d.body,
    headers: { "content-type": "application/json", "stripe-signature": signature(d.body, secret) },
  });
}

/** The Stripe-sourced grants of these members, without ids, comparable across databases. */
export async function stripeGrants(url: string, memberIds: number[]): Promise<string[]> {
  const rows = await query<Record<string, unknown>>(
    url,
    `select member_id, source_ref, tier_slug, starts_at, ends_at, revoked_at, revoked_reason from grants
     where source = 'stripe' and member_id = any($1) order by member_id, source_ref, starts_at`,
    [memberIds],
  );
  return rows.map((r) => JSON.stringify(r));
}

/**
 * The reference: every event once, in order, through the same webhook core, on the twin database
 * (each one accepted); returns the grants that gives these members, to compare the faulty run with.
 */
export async function referenceGrants(ctx: FaultsContext, events: Delivery[], memberIds: number[]): Promise<string[]> {
  const ref = await openDatabase({ url: ctx.referenceUrl });
  try {
    for (const e of events) {
      const now = new Date();
      const r = await handleStripeWebhook(ref.db, e.body, signature(e.body, ctx.webhookSecret, now), ctx.webhookSecret, now, { pastDueGraceMs: 3 * DAY_MS });
      expect(r.status, `reference delivery of ${e.id}`).toBe(200);
    }
  } finally {
    await ref.close();
  }
  return stripeGrants(ctx.referenceUrl, memberIds);
}

/** After the redeliveries: the grants equal in-order delivery's, and each event has exactly one ledger row. */
export async function expectConverged(url: string, memberIds: number[], expected: string[], events: Delivery[]): Promise<void> {
  expect(await stripeGrants(url, memberIds)).toEqual(expected);
  const [r] = await query<{ rows: string; distinct: string }>(
    url,
    "select count(*) as rows, count(distinct id) as distinct from stripe_events where id = any($1)",
    [events.map((e) => e.id)],
  );
  expect({ rows: Number(r.rows), distinct: Number(r.distinct) }).toEqual({ rows: events.length, distinct: events.length });
}
