// Webhook figure for `npm run bench` (PostgreSQL): events/s for 2,000 signed deliveries of which
// 30% are redeliveries, in shuffled order, several in flight at once as Stripe sends them — and
// whether the grants that result equal those of delivering each event once, in order.
// The events are the demo checkout's real-shaped ones (checkouts, renewals, cancels, resumes,
// refunds); each delivery is signed and goes through the webhook core from the raw body on
// (signature check, ledger, ordering rule, grants): the code the HTTP route runs, minus HTTP.
import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import Stripe from "stripe";
import { openDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/db/scratch";
import { ensureMember } from "@/db/queries/members";
import { grants, members } from "@/db/schema";
import { seedTiers } from "@/db/seed/seed";
import { demoCancel, demoCheckout, demoRefund, demoRenewal, demoResume, type DemoEvent } from "@/lib/billing/demo/events";
import { DAY_MS } from "@/lib/billing/ledger/subscription-grant";
import { handleStripeWebhook } from "@/lib/billing/stripe/webhook";

export type WebhookBenchOptions = { databaseUrl: string; deliveries?: number; duplicateShare?: number; concurrency?: number; seed?: number };

export type WebhookBenchResult = {
  deliveries: number;
  unique: number;
  duplicates: number;
  members: number;
  concurrency: number;
  seconds: number;
  eventsPerSecond: number;
  /** 5xx answers (e.g. a deadlock victim) retried as Stripe would retry them. */
  retries: number;
  grantsMatch: boolean;
  detail: string;
};

const SECRET = `whsec_bench_${randomBytes(16).toString("hex")}`;
const GRACE_MS = 3 * DAY_MS;

// Seeded, so a run's order can be reproduced from its seed (mulberry32).
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// One member's subscription, by kind: two renewals then a cancel; a refunded renewal; a cancel
// taken back. 8–11 events each, all dated in the past (their own timeline, not the signing time).
function history(member: { id: number; email: string }, i: number, start: Date): DemoEvent[] {
  const at = (days: number) => new Date(start.getTime() + days * DAY_MS);
  const tier = i % 3 === 0 ? "supporter" : "premium";
  const bought = demoCheckout({ member, tierKey: tier, interval: "month", amount: tier === "premium" ? 12900 : 5900, currency: "krw" }, start);
  const renewed = demoRenewal(bought.state, new Date(bought.state.periodEnd * 1000));
  const events = [...bought.events, ...renewed.events];
  if (i % 3 === 0) events.push(...demoRenewal(renewed.state, new Date(renewed.state.periodEnd * 1000)).events, ...demoCancel(renewed.state, at(70)).events);
  else if (i % 3 === 1) events.push(...demoRefund(renewed.state, at(35)).events);
  else events.push(...demoCancel(renewed.state, at(33)).events, ...demoResume(renewed.state, at(34)).events);
  return events;
}

// A database of its own beside `adminUrl`, migrated and seeded with tiers; dropped afterwards.
async function withDatabase<T>(adminUrl: string, work: (db: Db) => Promise<T>): Promise<T> {
  const scratch = await createScratchDatabase(adminUrl, "masthead_bench_wh_");
  const handle = await openDatabase({ url: scratch.url });
  try {
    await migrateDatabase(handle.db, "postgres");
    await seedTiers(handle.db);
    return await work(handle.db);
  } finally {
    await handle.close();
    await scratch.drop();
  }
}

/** Signs at delivery time (Stripe's tolerance is 5 minutes) and retries a 5xx like Stripe. */
async function deliver(db: Db, body: string): Promise<number> {
  for (let retries = 0; ; retries++) {
    const now = new Date();
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET, timestamp: Math.floor(now.getTime() / 1000) });
    const r = await handleStripeWebhook(db, body, signature, SECRET, now, { pastDueGraceMs: GRACE_MS });
    if (r.status === 200) return retries;
    if (r.status !== 500 || retries >= 5) throw new Error(`webhook answered ${r.status}: ${JSON.stringify(r.body)}`);
  }
}

// Members are created in the same order in both databases, so their ids (named in the events'
// client_reference_id and metadata) match.
async function createMembers(db: Db, count: number) {
  const out: { id: number; email: string }[] = [];
  for (let i = 0; i < count; i++) out.push(await ensureMember(db, `bench-webhook-${i}@example.com`));
  return out;
}

async function grantsByEmail(db: Db): Promise<string> {
  const rows = await db
    .select({ email: members.email, g: grants })
    .from(grants)
    .innerJoin(members, eq(members.id, grants.memberId))
    .orderBy(asc(members.email), asc(grants.sourceRef));
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return JSON.stringify(
    rows.map(({ email, g }) => [email, g.source, g.sourceRef, g.tierSlug, iso(g.startsAt), iso(g.endsAt), iso(g.revokedAt), g.revokedReason]),
  );
}

export async function runWebhookBench(opts: WebhookBenchOptions): Promise<WebhookBenchResult> {
  const total = opts.deliveries ?? 2_000;
  const unique = Math.round(total * (1 - (opts.duplicateShare ?? 0.3)));
  const concurrency = opts.concurrency ?? 8;
  const random = rng(opts.seed ?? 20_261_001);
  const start = new Date(Date.now() - 120 * DAY_MS);

  return withDatabase(opts.databaseUrl, async (shuffledDb) =>
    withDatabase(opts.databaseUrl, async (inOrderDb) => {
      // Enough histories for `unique` events; the last one may be cut short (a valid prefix).
      const count = Math.ceil(unique / 9) + 1; // every history has at least 9 events
      const people = await createMembers(shuffledDb, count);
      const twins = await createMembers(inOrderDb, count);
      if (people.some((p, i) => p.id !== twins[i].id)) throw new Error("member ids differ between the two databases");
      const events: DemoEvent[] = [];
      let used = 0;
      while (events.length < unique) events.push(...history(people[used], used, new Date(start.getTime() + used++ * 60_000)));
      events.length = unique;
      const bodies = events.map((e) => JSON.stringify(e));

      const deliveries = [...bodies, ...Array.from({ length: total - unique }, () => bodies[Math.floor(random() * unique)])];
      for (let i = deliveries.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [deliveries[i], deliveries[j]] = [deliveries[j], deliveries[i]];
      }

      let next = 0;
      let retries = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < deliveries.length) retries += await deliver(shuffledDb, deliveries[next++]);
        }),
      );
      const seconds = (performance.now() - t0) / 1000;

      for (const body of bodies) await deliver(inOrderDb, body);
      const [shuffled, inOrder] = [await grantsByEmail(shuffledDb), await grantsByEmail(inOrderDb)];
      const grantsMatch = shuffled === inOrder;
      const grantCount = (JSON.parse(inOrder) as unknown[]).length;
      return {
        deliveries: total,
        unique,
        duplicates: total - unique,
        members: used,
        concurrency,
        seconds,
        eventsPerSecond: total / seconds,
        retries,
        grantsMatch,
        detail: grantsMatch ? `${grantCount} grants identical to in-order delivery` : `grants differ from in-order delivery (${grantCount} expected)`,
      };
    }),
  );
}
