// (a) Readers hammer articles, search and comment threads while PostgreSQL restarts: every answer
// is a page (2xx/3xx/404) or a clean 5xx without a stack trace, the Node process survives, and
// once PostgreSQL is back requests succeed again without restarting Node (the pool recovers).
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { ServerHandle } from "@/bench/server";
import { ctl, waitForPostgres } from "./cluster";
import { hit, leaksIn5xx, loops, sleep, type Answer } from "./http";
import { alive, startFaultServer } from "./server";

const ctx = inject("faults");
let server: ServerHandle;
beforeAll(async () => {
  server = await startFaultServer(ctx, "reads");
});
afterAll(async () => server?.stop());

function readerRequest(i: number): { path: string; cookie?: string } {
  const premium = ctx.byTier.premium ?? [];
  const slug = ctx.publicSlugs[i % ctx.publicSlugs.length];
  switch (i % 5) {
    case 0:
      return { path: `/articles/${slug}` };
    case 1:
      return { path: `/articles/${ctx.gatedSlug}`, cookie: premium[i % premium.length]?.cookie };
    case 2:
      return { path: `/search?q=${encodeURIComponent(["경제", "the", "서울", "data"][i % 4])}&n=${i}` };
    case 3:
      return { path: `/api/articles/${slug}/comments` };
    default:
      return { path: "/api/health" };
  }
}

it("keeps answering cleanly through a PostgreSQL restart and recovers without a Node restart", async () => {
  expect(ctx.publicSlugs.length).toBeGreaterThan(3);
  const pid = server.pid;
  const answers: (Answer & { path: string })[] = [];
  let n = 0;
  let stop = false;
  const readers = loops(
    8,
    () => stop,
    async () => {
      const r = readerRequest(n++);
      answers.push({ ...(await hit(server.baseUrl, r.path, { headers: r.cookie ? { cookie: r.cookie } : {} })), path: r.path });
    },
  );
  await sleep(2_000);
  const restartAt = Date.now();
  await ctl("restart");
  await waitForPostgres();
  const backAt = Date.now();
  // The pool must recover by itself: give it a few seconds, then everything must succeed.
  await sleep(6_000);
  const settledAt = Date.now();
  await sleep(4_000);
  stop = true;
  await readers;

  const before = answers.filter((a) => a.at < restartAt);
  const after = answers.filter((a) => a.at >= settledAt);
  const statusCount = (list: Answer[]) => list.reduce<Record<string, number>>((m, a) => ((m[a.status] = (m[a.status] ?? 0) + 1), m), {});
  console.log(
    `[faults] reads: restart took ${backAt - restartAt} ms; ${answers.length} answers ${JSON.stringify(statusCount(answers))}; after settling ${JSON.stringify(statusCount(after))}`,
  );

  expect(before.length, "answers before the restart").toBeGreaterThan(10);
  expect(
    before.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.path}`),
    "all fine before the restart",
  ).toEqual([]);
  // During the restart: a page or a clean server error, never a dropped connection or a leak.
  const unclean = answers.filter((a) => a.status === 0 || (a.status >= 500 && ![500, 502, 503].includes(a.status)));
  expect(unclean.map((a) => `${a.status} ${a.path} ${a.error ?? ""}`)).toEqual([]);
  expect(leaksIn5xx(answers), "5xx bodies leaking internals").toEqual([]);
  expect(alive(server), "the Node server survived the restart").toBe(true);
  expect(server.pid).toBe(pid);
  expect(after.length).toBeGreaterThan(10);
  expect(
    after.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.path}`),
    "all fine once PostgreSQL is back",
  ).toEqual([]);
});

it("health says not-ok (503, not 500) while the database is down, and ok once it is back", async () => {
  await ctl("stop");
  try {
    const down = await hit(server.baseUrl, "/api/health", {}, 15_000);
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body)).toMatchObject({ ok: false, error: { code: "unavailable:database" } });
  } finally {
    await ctl("start");
    await waitForPostgres();
  }
  let up = await hit(server.baseUrl, "/api/health");
  for (let i = 0; i < 20 && up.status !== 200; i++) up = (await sleep(500), await hit(server.baseUrl, "/api/health"));
  expect(up.status).toBe(200);
  expect(alive(server)).toBe(true);
});
