import Stripe from "stripe";
import { asc, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { grants, members, stripeEvents } from "@/db/schema";
import { seedTiers } from "@/db/seed/seed";
import { DAY_MS } from "@/lib/billing/ledger/subscription-grant";
import { handleStripeWebhook, type WebhookOptions } from "@/lib/billing/stripe/webhook";
import { openTestDatabase, type TestDatabase } from "./databases";
import type { Json } from "./stripe-fixtures";

// Delivers events the way Stripe does: the exact body, signed with the SDK's test-header helper.

export const SECRET = "whsec_integration_test_secret";
export const GRACE_MS = 3 * DAY_MS;

export function sign(body: string, at: Date, secret = SECRET): string {
  return Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: Math.floor(at.getTime() / 1000) });
}

export function deliver(db: Db, event: Json, opts: Partial<WebhookOptions> & { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const body = JSON.stringify(event);
  return handleStripeWebhook(db, body, sign(body, now), SECRET, now, { pastDueGraceMs: GRACE_MS, ...opts });
}

export async function deliverAll(db: Db, events: readonly Json[]) {
  const statuses: number[] = [];
  for (const e of events) statuses.push((await deliver(db, e)).status);
  return statuses;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A member's Stripe grants, without ids, for comparing outcomes across delivery orders. */
export async function stripeGrantsOf(db: Db, memberId: number) {
  const rows = await db.select().from(grants).where(eq(grants.memberId, memberId)).orderBy(asc(grants.sourceRef));
  return rows
    .filter((g) => g.source === "stripe")
    .map((g) => ({
      ref: g.sourceRef,
      tier: g.tierSlug,
      startsAt: iso(g.startsAt),
      endsAt: iso(g.endsAt),
      revokedAt: iso(g.revokedAt),
      reason: g.revokedReason,
    }));
}

/** The same without subscription ids, to compare members whose histories differ only in ids. */
export async function grantShapesOf(db: Db, memberId: number) {
  return (await stripeGrantsOf(db, memberId)).map((g) => ({ tier: g.tier, startsAt: g.startsAt, endsAt: g.endsAt, revokedAt: g.revokedAt, reason: g.reason }));
}

export async function epochOf(db: Db, memberId: number) {
  const [row] = await db.select({ epoch: members.accessEpoch }).from(members).where(eq(members.id, memberId));
  return row?.epoch ?? null;
}

export async function rowCounts(db: Db) {
  const [e] = await db.select({ n: count() }).from(stripeEvents);
  const [g] = await db.select({ n: count() }).from(grants);
  return { events: e.n, grants: g.n };
}

/** A fresh database of this kind with the demo's tiers: Stripe events name them. */
export async function openTiersDatabase(kind: TestDatabase["kind"]): Promise<TestDatabase> {
  const t = await openTestDatabase(kind);
  await seedTiers(t.db);
  return t;
}
