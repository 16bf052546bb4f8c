import fs from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisServer, freePort } from "./cache-helpers/redis-server";
import { createSeededDatabase, startServer, stopServer, type Server } from "./cache-helpers/servers";

// Two production servers (`next start`) on one build, sharing one PostgreSQL database and one
// Redis (a private child, killed and restarted mid-run). Needs a build made from this tree:
// CACHE_TEST_DIST_DIR=<its NEXT_DIST_DIR> and DATABASE_URL; skipped otherwise (the e2e-multi
// suite covers the same ground in CI).

const distDir = process.env.CACHE_TEST_DIST_DIR;
const baseUrl = process.env.DATABASE_URL;
const enabled = Boolean(distDir && baseUrl && fs.existsSync(path.join(distDir, "BUILD_ID")));

const SECRET = "cache-two-servers-secret-0123456789";
const TOKEN = "cache-two-servers-admin-token-0123";
const admin = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };

async function page(server: Server, pathname: string, cookie?: string) {
  const res = await fetch(`${server.url}${pathname}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  return { status: res.status, cache: res.headers.get("x-nextjs-cache"), body: await res.text() };
}

describe.skipIf(!enabled)("two servers sharing Redis and PostgreSQL", () => {
  let db: { url: string; drop: () => Promise<void> };
  let sql: pg.Client;
  let redis: RedisServer;
  let a: Server;
  let b: Server;
  // The primary publication (localhost is its host): its pieces, renders and sessions.
  let primary: { id: number; slug: string };

  beforeAll(async () => {
    db = await createSeededDatabase(baseUrl!);
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    primary = (await sql.query<{ id: number; slug: string }>("select id, slug from publications where is_primary")).rows[0];
    redis = new RedisServer(await freePort());
    await redis.start();
    const env = { NEXT_DIST_DIR: distDir, DATABASE_URL: db.url, REDIS_URL: redis.url, AUTH_SECRET: SECRET, ADMIN_API_TOKEN: TOKEN, MASTHEAD_INSTANCES: "2" };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([stopServer(a), stopServer(b)]);
    await redis?.stop();
    await sql?.end();
    await db?.drop();
  });

  // Next stores a fresh render just after answering with it, so B is asked once A's copy is in Redis.
  const sharedRender = async (tier: string, slug: string) => {
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        // Per-tier renders live under the publication's internal path (/t/<publication>/<tier>/…).
        const [key] = (await client.keys(`masthead:*:v:/route-cache/*/$/t/${primary.slug}/${tier}/articles/${slug}`)) as string[];
        if (key) return key;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`no shared render of ${tier}/${slug}`);
    } finally {
      await client.close();
    }
  };
  const articleId = async (slug: string) =>
    (await sql.query<{ id: number }>("select id from articles where publication_id = $1 and slug = $2", [primary.id, slug])).rows[0].id;
  // A session as next-auth would mint it at sign-in on the primary's host: premium there until `until`.
  const premiumSession = async (member: { id: number; access_epoch: number }, email: string, until: number) => {
    const { gen } = (await sql.query<{ gen: number }>("select coalesce(max(generation), 0)::int as gen from access_generation")).rows[0];
    const jwt = await encode({
      secret: SECRET,
      token: {
        sub: String(member.id),
        email,
        mid: member.id,
        role: "reader",
        epoch: member.access_epoch,
        gen,
        at: Date.now(),
        pubs: [[primary.id, [["premium", 0, until]], null]],
        more: false,
        sp: primary.id,
      },
    });
    return `next-auth.session-token=${jwt}`;
  };
  // A new member with a day of premium granted through A's Admin API: the grant, and the member's session.
  const premiumMember = async (email: string) => {
    const until = Date.now() + 86_400_000;
    const granted = await fetch(`${a.url}/api/admin/v1/members/${encodeURIComponent(email)}/grants`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ tier: "premium", endsAt: new Date(until).toISOString() }),
    });
    expect(granted.status).toBe(201);
    const { id: grantId } = (await granted.json()) as { id: number };
    const member = (await sql.query<{ id: number; access_epoch: number }>("select id, access_epoch from members where email = $1", [email])).rows[0];
    return { grantId, cookie: await premiumSession(member, email, until) };
  };
  const rename = async (server: Server, slug: string, title: string) => {
    const res = await fetch(`${server.url}/api/admin/v1/articles/${await articleId(slug)}`, {
      method: "PATCH",
      headers: admin,
      body: JSON.stringify({ title }),
    });
    expect(res.status).toBe(200);
  };

  it("a render made by A is a cache HIT on B, and an edit on A is what B serves next", async () => {
    const first = await page(a, "/articles/transmission-grid-bottleneck");
    expect(first).toMatchObject({ status: 200, cache: "MISS" });
    await sharedRender("anon", "transmission-grid-bottleneck");
    const second = await page(b, "/articles/transmission-grid-bottleneck");
    expect(second).toMatchObject({ status: 200, cache: "HIT" });

    await rename(a, "transmission-grid-bottleneck", "Grid bottleneck, edited on A");
    const after = await page(b, "/articles/transmission-grid-bottleneck");
    expect(after.status).toBe(200);
    expect(after.body).toContain("Grid bottleneck, edited on A");
    // The home page list (unstable_cache reads tagged `articles`) too.
    expect((await page(b, "/")).body).toContain("Grid bottleneck, edited on A");
  });

  it("a grant revoked through A downgrades the member's very next request on B", async () => {
    const { grantId, cookie } = await premiumMember(`revoke-${Date.now()}@example.com`);
    const { full_text: fullText } = (
      await sql.query<{ full_text: string }>("select full_text from articles where publication_id = $1 and slug = 'pension-reform-arithmetic'", [primary.id])
    ).rows[0];
    const gated = fullText.trim().slice(-30);
    expect(gated).toMatch(/^[^&<>"']+$/);
    expect((await page(b, "/articles/pension-reform-arithmetic", cookie)).body).toContain(gated);

    const revoked = await fetch(`${a.url}/api/admin/v1/grants/${grantId}`, { method: "DELETE", headers: admin });
    expect(revoked.status).toBeLessThan(300);
    const next = await page(b, "/articles/pension-reform-arithmetic", cookie);
    expect(next.status).toBe(200);
    expect(next.body).not.toContain(gated);
  });

  it("a comment posted through A is in B's next read of the (cached) discussion", async () => {
    const { cookie } = await premiumMember(`commenter-${Date.now()}@example.com`);
    const path = "/api/articles/transmission-grid-bottleneck/comments";
    const read = async (server: Server) => JSON.stringify(await (await fetch(`${server.url}${path}`, { headers: { cookie } })).json());
    const text = `Shared across instances ${Date.now()}`;
    expect(await read(b)).not.toContain(text); // B caches the discussion now
    expect(await read(b)).not.toContain(text);
    const posted = await fetch(`${a.url}${path}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: a.url },
      body: JSON.stringify({ body: text }),
    });
    expect(posted.status).toBe(201);
    expect(await read(b)).toContain(text);
  });

  it("Redis killed mid-run: no errors, edits still reach both; Redis back: sharing restored", async () => {
    await redis.stop();
    for (const server of [a, b]) {
      expect((await page(server, "/articles/transmission-grid-bottleneck")).status).toBe(200);
      expect((await page(server, "/articles/hbm-memory-race")).status).toBe(200);
    }
    await rename(a, "transmission-grid-bottleneck", "Grid bottleneck, edited during the outage");
    for (const server of [b, a]) expect((await page(server, "/articles/transmission-grid-bottleneck")).body).toContain("edited during the outage");

    await redis.start();
    const deadline = Date.now() + 15_000;
    while (![a, b].every((s) => s.logs.join("").includes("Redis reachable again"))) {
      if (Date.now() > deadline) throw new Error("servers did not see Redis return");
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await page(a, "/articles/weekly-data-older-workers")).toMatchObject({ status: 200, cache: "MISS" });
    await sharedRender("anon", "weekly-data-older-workers");
    expect(await page(b, "/articles/weekly-data-older-workers")).toMatchObject({ status: 200, cache: "HIT" });
    // The outage-time edit survives the return of an empty Redis on both.
    for (const server of [a, b]) expect((await page(server, "/articles/transmission-grid-bottleneck")).body).toContain("edited during the outage");

    for (const server of [a, b]) {
      const log = server.logs.join("");
      expect(log.match(/Redis unreachable/g), log).toHaveLength(1);
      expect(log).not.toMatch(/⨯|Unhandled|TypeError|read failed|write failed/);
    }
  });
});
