import { expect, test } from "@playwright/test";
import { demoCheckout } from "../lib/billing/demo/events";
import { adminApi, get, GATED_MARKER, markedPiece, publicKo, query, sessionCookie, signWebhook } from "./support/client";
import { startRedis, stopRedis, waitForRedis } from "./support/redis";
import { multiState } from "./support/state";

// Two instances, one PostgreSQL, one Redis: what one instance changes, the other serves on the
// very next request. Requests go to A and B directly so each step names the instance it tests.
const state = multiState();
const A = adminApi(state, state.a);

async function articleId(slug: string): Promise<number> {
  const rows = await query<{ id: number }>(state, "select id from articles where slug = $1", [slug]);
  expect(rows, `no article ${slug}`).toHaveLength(1);
  return rows[0].id;
}

async function editThroughA(slug: string, label: string): Promise<string> {
  const title = `${label} ${Date.now()}`;
  await A.patchArticle(await articleId(slug), { title });
  return title;
}

test("an edit through A is served by B on the next request", async () => {
  const url = `${state.b}/articles/${publicKo.slug}`;
  const before = await get(url);
  expect(before.status).toBe(200);
  expect((await get(url)).status).toBe(200); // B has it cached now
  const title = await editThroughA(publicKo.slug, "Edited on A");
  const after = await get(url);
  expect(after.status).toBe(200);
  expect(after.body).toContain(title);
});

test("a grant revoked through A downgrades the member on B on the next request", async () => {
  const email = `revoke-${Date.now()}@multi.test`;
  const grant = await A.grant(email, "premium");
  const [member] = await query<{ id: number; access_epoch: number }>(state, "select id, access_epoch from members where email = $1", [email]);
  const cookie = await sessionCookie(state, { id: member.id, epoch: member.access_epoch, tier: "premium" });
  const url = `${state.b}/articles/${markedPiece.slug}`;

  const premium = await get(url, cookie);
  expect(premium.status).toBe(200);
  expect(premium.body).toContain(GATED_MARKER);

  await A.revoke(Number(grant.id));
  const downgraded = await get(url, cookie);
  expect(downgraded.status).toBe(200);
  expect(downgraded.body).not.toContain(GATED_MARKER);
  // B re-minted the session from the database rather than trusting the old token.
  expect(downgraded.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="))).toBe(true);
});

test("a webhook processed by B is visible through A", async () => {
  const email = `webhook-${Date.now()}@multi.test`;
  const [member] = await query<{ id: number }>(state, "insert into members (email) values ($1) returning id", [email]);
  const { events } = demoCheckout({ member: { id: member.id, email }, tierKey: "premium", interval: "month", amount: 12900, currency: "krw" }, new Date());
  for (const event of events) {
    const body = JSON.stringify(event);
    const res = await fetch(`${state.b}/api/stripe/webhook`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "stripe-signature": signWebhook(state, body) },
    });
    expect(res.status, await res.text()).toBe(200);
  }
  const seen = (await A.member(email)) as { access: { tier: string }; grants: { tier: string; source: string }[] };
  expect(seen.access.tier).toBe("premium");
  expect(seen.grants.some((g) => g.tier === "premium" && g.source === "stripe")).toBe(true);
});

test("without Redis each instance caches on its own, without errors; recovery restores sharing", async () => {
  const pieces = [publicKo.slug, markedPiece.slug];
  stopRedis(state.redisPidFile);
  await waitForRedis(state.redisPort, false);
  try {
    for (const base of [state.a, state.b, state.a, state.b]) {
      for (const slug of pieces) {
        const page = await get(`${base}/articles/${slug}`);
        expect(page.status, `${base}/articles/${slug} with Redis down`).toBe(200);
      }
    }
    // Edits still work (the database is up) and the instance that made one serves it.
    const title = await editThroughA(publicKo.slug, "Edited during the outage");
    const onA = await get(`${state.a}/articles/${publicKo.slug}`);
    expect(onA.status).toBe(200);
    expect(onA.body).toContain(title);
    expect((await get(`${state.b}/articles/${publicKo.slug}`)).status).toBe(200);
  } finally {
    startRedis(state.redisPort, state.redisPidFile);
    await waitForRedis(state.redisPort, true);
  }
  // Once the instances have reconnected, an edit on A is again B's next answer.
  await expect
    .poll(
      async () => {
        await get(`${state.b}/articles/${publicKo.slug}`);
        const title = await editThroughA(publicKo.slug, "Edited after recovery");
        return (await get(`${state.b}/articles/${publicKo.slug}`)).body.includes(title);
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBe(true);
});
