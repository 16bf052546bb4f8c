// (c) A burst of signed Stripe webhooks while PostgreSQL restarts: failures are 5xx (Stripe
// retries those), and redelivering every event afterwards gives exactly the grants of a clean,
// in-order run — no duplicates, nothing half-applied.
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { ServerHandle } from "@/bench/server";
import { ctl, waitForPostgres } from "./cluster";
import { leaksIn5xx, sleep, type Answer } from "./http";
import { alive, startFaultServer } from "./server";
import { deliver, expectConverged, histories, referenceGrants } from "./stripe-events";

const ctx = inject("faults");
let server: ServerHandle;
beforeAll(async () => {
  server = await startFaultServer(ctx, "webhooks");
});
afterAll(async () => server?.stop());

it("answers 5xx during the restart, and redelivery converges on the clean in-order result", async () => {
  const members = (ctx.byTier.free ?? Object.values(ctx.byTier).flat()).slice(0, 30);
  expect(members.length).toBe(30);
  const events = histories(members, `burst${Date.now().toString(36)}`);
  const memberIds = members.map((m) => m.memberId);

  const expected = await referenceGrants(ctx, events, memberIds);
  expect(expected.length, "the histories grant access").toBeGreaterThanOrEqual(members.length);

  // The burst: 8 deliveries in flight, PostgreSQL restarted shortly after it begins.
  const answers: (Answer & { id: string })[] = [];
  let next = 0;
  const burst = Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < events.length) {
        const e = events[next++];
        answers.push({ ...(await deliver(server.baseUrl, ctx.webhookSecret, e)), id: e.id });
      }
    }),
  );
  await sleep(300);
  await ctl("restart");
  await burst;
  await waitForPostgres();
  const counts = answers.reduce<Record<string, number>>((m, a) => ((m[a.status] = (m[a.status] ?? 0) + 1), m), {});
  console.log(`[faults] webhooks: ${events.length} events in the burst ${JSON.stringify(counts)}`);
  expect(
    answers.filter((a) => a.status !== 200 && (a.status < 500 || a.status > 503)).map((a) => `${a.id} ${a.status} ${a.error ?? a.body.slice(0, 120)}`),
    "failures are 5xx",
  ).toEqual([]);
  expect(leaksIn5xx(answers)).toEqual([]);
  expect(alive(server)).toBe(true);

  // Stripe redelivers; here: every event again, in order, until each is acknowledged.
  await sleep(3_000);
  for (const e of events) {
    let r = await deliver(server.baseUrl, ctx.webhookSecret, e);
    for (let i = 0; i < 10 && r.status !== 200; i++) r = (await sleep(500), await deliver(server.baseUrl, ctx.webhookSecret, e));
    expect(r.status, `redelivery of ${e.id}`).toBe(200);
  }
  await expectConverged(ctx.databaseUrl, memberIds, expected, events);
});
