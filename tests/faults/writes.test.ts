// (b) Writes during a PostgreSQL restart — Admin API article creates and comment posts: each one
// either succeeds (and is stored whole) or fails with an error (and left nothing behind). What the
// clients were told is compared with the database afterwards.
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { ServerHandle } from "@/bench/server";
import { ctl, waitForPostgres } from "./cluster";
import { query } from "./db";
import { hit, leaksIn5xx, loops, sleep, type Answer } from "./http";
import { alive, startFaultServer } from "./server";

const ctx = inject("faults");
let server: ServerHandle;
beforeAll(async () => {
  server = await startFaultServer(ctx, "writes");
});
afterAll(async () => server?.stop());

type Told = Answer & { kind: "article" | "comment"; key: string };
const run = `${Date.now().toString(36)}`;

function createArticle(k: number): Promise<Answer> {
  const body = JSON.stringify({
    title: `faults-${run}-article-${k}`,
    body: `Paragraph one of ${k}.\n\nParagraph two.`,
    access: "public",
    status: "published",
    tags: [`faults-${run}`],
  });
  return hit(server.baseUrl, "/api/admin/v1/articles", {
    method: "POST",
    body,
    headers: { authorization: `Bearer ${ctx.adminToken}`, "content-type": "application/json" },
  });
}

function postComment(k: number): Promise<Answer> {
  // Rotate over every premium member: the comment limit is 5 a minute per member.
  const premium = ctx.byTier.premium;
  const who = premium[k % premium.length];
  const slug = ctx.publicSlugs[k % ctx.publicSlugs.length];
  return hit(server.baseUrl, `/api/articles/${slug}/comments`, {
    method: "POST",
    body: JSON.stringify({ body: `faults-${run}-comment-${k}` }),
    headers: { cookie: who.cookie, "content-type": "application/json", origin: server.baseUrl },
  });
}

it("stores every write the client was told succeeded, and nothing the client was told failed", async () => {
  expect(ctx.byTier.premium?.length ?? 0).toBeGreaterThan(20);
  const told: Told[] = [];
  let k = 0;
  let stop = false;
  const writers = loops(
    6,
    () => stop,
    async (i) => {
      const n = k++;
      // At most four comments per premium member (the limit is five a minute); then articles only.
      if (i % 2 === 0 || n >= 8 * ctx.byTier.premium.length) told.push({ ...(await createArticle(n)), kind: "article", key: `faults-${run}-article-${n}` });
      else told.push({ ...(await postComment(n)), kind: "comment", key: `faults-${run}-comment-${n}` });
    },
  );
  await sleep(2_000);
  await ctl("restart");
  await waitForPostgres();
  await sleep(6_000);
  stop = true;
  await writers;

  const ok = (t: Told) => t.status === 201;
  const counts = told.reduce<Record<string, number>>((m, t) => ((m[`${t.kind} ${t.status}`] = (m[`${t.kind} ${t.status}`] ?? 0) + 1), m), {});
  console.log(`[faults] writes: ${told.length} writes ${JSON.stringify(counts)}`);
  expect(told.filter(ok).length).toBeGreaterThan(20);
  expect(told.filter((t) => !ok(t)).length, "some writes met the restart").toBeGreaterThan(0);
  // A failure is an error answer — a clean 5xx (or 503; a 429 if a member still hit the comment
  // limit), never a dropped connection or a leak.
  expect(
    told.filter((t) => !ok(t) && t.status !== 429 && (t.status < 500 || t.status > 503)).map((t) => `${t.kind} ${t.status} ${t.error ?? t.body.slice(0, 120)}`),
  ).toEqual([]);
  expect(leaksIn5xx(told)).toEqual([]);
  expect(alive(server)).toBe(true);

  const stored = await query<{ title: string; id: number; audited: boolean; tagged: boolean; searchable: boolean }>(
    ctx.databaseUrl,
    `select a.title, a.id,
       exists(select 1 from audit_log l where l.subject_type = 'article' and l.subject_id = a.id::text and l.action = 'piece.create') as audited,
       exists(select 1 from article_tags t where t.article_id = a.id) as tagged,
       a.full_text <> '' as searchable
     from articles a where a.title like $1`,
    [`faults-${run}-article-%`],
  );
  const comments = await query<{ body: string; id: number }>(ctx.databaseUrl, "select body, id from comments where body like $1", [`faults-${run}-comment-%`]);
  const storedKeys = new Set([...stored.map((r) => r.title), ...comments.map((r) => r.body)]);

  const lost = told.filter((t) => ok(t) && !storedKeys.has(t.key)).map((t) => t.key);
  const toldFailedButStored = told.filter((t) => !ok(t) && storedKeys.has(t.key)).map((t) => `${t.key} (told ${t.status})`);
  const halfWritten = stored.filter((r) => !r.audited || !r.tagged || !r.searchable).map((r) => r.title);
  const duplicated = [...stored.map((r) => r.title), ...comments.map((r) => r.body)].filter((key, i, all) => all.indexOf(key) !== i);
  expect({ lost, toldFailedButStored, halfWritten, duplicated }).toEqual({ lost: [], toldFailedButStored: [], halfWritten: [], duplicated: [] });
});
