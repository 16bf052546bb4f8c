// (d) The server killed with SIGKILL in the middle of a WordPress import and in the middle of a
// webhook burst: after a restart, re-running the import and redelivering the events leaves
// nothing lost and nothing duplicated.
import { afterAll, expect, inject, it } from "vitest";
import type { ServerHandle } from "@/bench/server";
import { query } from "./db";
import { hit, sleep, type Answer } from "./http";
import { startFaultServer } from "./server";
import { deliver, expectConverged, histories, referenceGrants } from "./stripe-events";
import { bigWxr } from "./wxr";

const ctx = inject("faults");
const servers: ServerHandle[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

async function start(name: string): Promise<ServerHandle> {
  const s = await startFaultServer(ctx, name);
  servers.push(s);
  return s;
}

// The listening next-server process, killed without a chance to clean up.
async function kill(server: ServerHandle): Promise<void> {
  process.kill(server.pid, "SIGKILL");
  await server.stop();
}

// PostgreSQL rolls back a dead client's transaction once it notices the closed socket.
async function openTransactions(): Promise<number> {
  const [r] = await query<{ n: string }>(
    ctx.databaseUrl,
    "select count(*) as n from pg_stat_activity where datname = $1 and backend_type = 'client backend' and xact_start is not null and pid <> pg_backend_pid()",
    ["masthead_faults"],
  );
  return Number(r.n);
}

function importFile(server: ServerHandle, xml: string): Promise<Answer> {
  return hit(
    server.baseUrl,
    "/api/admin/studio/import",
    { method: "POST", body: xml, headers: { cookie: ctx.adminCookie, origin: server.baseUrl, "content-type": "application/xml" } },
    170_000,
  );
}

const COPIES = 400;
const TITLE = "송전망이 늦어지는 이유 %";

it("a WXR import killed half-way leaves nothing; re-running it imports everything exactly once", async () => {
  const site = `https://old-${Date.now().toString(36)}.example.com`;
  const xml = bigWxr(site, COPIES);
  const first = await start("kill-import-1");
  const pending = importFile(first, xml);
  // Kill once the import's transaction has been open for a while (it is writing pieces).
  const deadline = Date.now() + 60_000;
  for (;;) {
    const [r] = await query<{ n: string }>(
      ctx.databaseUrl,
      "select count(*) as n from pg_stat_activity where datname = $1 and xact_start < now() - interval '500 milliseconds' and pid <> pg_backend_pid()",
      ["masthead_faults"],
    );
    if (Number(r.n) > 0 || Date.now() > deadline) break;
    await sleep(50);
  }
  await kill(first);
  const killed = await pending;
  expect(killed.status, "the import was still running when the server was killed").toBe(0);
  for (let i = 0; i < 100 && (await openTransactions()) > 0; i++) await sleep(100);

  const source = `wxr:${site}`;
  const countItems = async () =>
    Number((await query<{ n: string }>(ctx.databaseUrl, "select count(*) as n from import_items where source = $1", [source]))[0].n);
  const countCopies = async () =>
    Number((await query<{ n: string }>(ctx.databaseUrl, "select count(*) as n from articles where title like $1 and slug like 'grid-delay-%'", [TITLE]))[0].n);
  expect({ items: await countItems(), copies: await countCopies() }, "nothing of the killed import remains").toEqual({ items: 0, copies: 0 });

  const second = await start("kill-import-2");
  const again = await importFile(second, xml);
  expect(again.status, again.body.slice(0, 300)).toBe(200);
  const report = (JSON.parse(again.body) as { report: { pieces: { created: number; updated: number; unchanged: number } } }).report;
  expect(report.pieces.created).toBeGreaterThanOrEqual(COPIES);
  const once = await countCopies();
  expect(once).toBe(COPIES);
  const items = await countItems();

  const third = await importFile(second, xml);
  expect(third.status).toBe(200);
  const rerun = (JSON.parse(third.body) as { report: { pieces: { created: number; updated: number; unchanged: number } } }).report;
  expect(rerun.pieces).toMatchObject({ created: 0, updated: 0, unchanged: report.pieces.created });
  expect({ copies: await countCopies(), items: await countItems() }).toEqual({ copies: COPIES, items });
});

it("a webhook burst cut by SIGKILL converges, after redelivery, on the clean in-order grants", async () => {
  const pool = ctx.byTier.free ?? Object.values(ctx.byTier).flat();
  const members = pool.slice(30, 50);
  expect(members.length).toBe(20);
  const events = histories(members, `kill${Date.now().toString(36)}`);
  const memberIds = members.map((m) => m.memberId);
  const expected = await referenceGrants(ctx, events, memberIds);
  expect(expected.length).toBeGreaterThanOrEqual(members.length);

  const victim = await start("kill-webhooks-1");
  const answers: Answer[] = [];
  let next = 0;
  const burst = Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < events.length) {
        const r = await deliver(victim.baseUrl, ctx.webhookSecret, events[next++]);
        answers.push(r);
        if (r.status === 0) return; // the server is gone
      }
    }),
  );
  while (answers.length < events.length / 3) await sleep(10);
  await kill(victim);
  await burst;
  expect(answers.filter((a) => a.status === 0).length, "deliveries were cut off by the kill").toBeGreaterThan(0);
  for (let i = 0; i < 100 && (await openTransactions()) > 0; i++) await sleep(100);

  const revived = await start("kill-webhooks-2");
  for (const e of events) {
    const r = await deliver(revived.baseUrl, ctx.webhookSecret, e);
    expect(r.status, `redelivery of ${e.id}`).toBe(200);
  }
  await expectConverged(ctx.databaseUrl, memberIds, expected, events);
});
