// The multi-instance stack, run under tsx as a child of the Playwright global setup (the bench
// helpers it reuses are ES modules): a fresh PostgreSQL database next to DATABASE_URL (dropped
// after), a private redis-server, one production build (own NEXT_DIST_DIR), two `next start`
// instances with the same secrets, and the nginx edge from deploy/nginx in both tier modes, round
// robin over the two instances. The demo seed's two publications answer on their hostnames (`main`
// at localhost, `data` at data.localhost; requests name them in the Host header). Writes the state to the file named by argv[2], then runs until
// SIGTERM, when it stops everything it started.
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { cleanupAll, installSignalHandlers, onCleanup } from "../../bench/children";
import { DEMO_EDGE_HOSTS, startEdge } from "../../bench/edge-nginx";
import { buildProduction, freePort, resetRuntimeCache, startServer } from "../../bench/server";
import { deriveEdgeKey } from "../../lib/edge/cookie";
import { startRedis, stopRedis, waitForRedis } from "./redis";
import type { MultiState } from "./state";

const root = path.resolve(import.meta.dirname, "../..");

async function admin(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

// The edge's map of hosts: the demo's, plus one hostname the edge lists under `data` that Node's
// table does not know (Node answers it as the primary), as when a hostname moved between
// publications and only one side was updated: what Node renders there must never be stored under
// data's key (e2e-multi/publications.spec.ts).
const EDGE_HOSTS = { ...DEMO_EDGE_HOSTS, "moved.localhost": "data" };

async function main(stateFile: string): Promise<void> {
  installSignalHandlers();
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error("e2e-multi needs DATABASE_URL: two instances must share a PostgreSQL database");
  // The same build folder as the e2e step by default: in CI the build is then already current.
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  // Outside test-results/, which Playwright empties when a run starts.
  const work = path.join(os.tmpdir(), `masthead-multi-${process.pid}`);
  fs.mkdirSync(work, { recursive: true });

  const dbName = `masthead_multi_${process.pid}`;
  await admin(baseUrl, `drop database if exists ${dbName}`);
  await admin(baseUrl, `create database ${dbName}`);
  const dbUrl = new URL(baseUrl);
  dbUrl.pathname = `/${dbName}`;

  const redisPort = await freePort();
  const redisPidFile = path.join(work, "redis.pid");
  startRedis(redisPort, redisPidFile);
  await waitForRedis(redisPort, true);

  const authSecret = randomBytes(32).toString("base64url");
  const env: Record<string, string> = {
    DATABASE_URL: dbUrl.toString(),
    AUTH_SECRET: authSecret,
    ADMIN_API_TOKEN: `multi-admin-${randomBytes(12).toString("hex")}`,
    STRIPE_WEBHOOK_SECRET: `whsec_multi_${randomBytes(12).toString("hex")}`,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    MASTHEAD_INSTANCES: "2",
    MASTHEAD_DATA_DIR: path.join(work, "data"),
    // One session for every publication, the harder case for the edge: a member premium in data
    // carries the same session cookie to the primary's host, where the tier is another. (The
    // suite sends cookies by hand, so the attribute's domain need not cover localhost; it only
    // has to be a parent domain, which `localhost` cannot be.)
    SESSION_COOKIE_DOMAIN: ".masthead.test",
  };
  // Cleanups run last-registered first: servers and nginx stop before Redis and the database go.
  onCleanup("database", () =>
    admin(baseUrl, `drop database if exists ${dbName} with (force)`).then(
      () => undefined,
      (err: Error) => console.error(`[multi] could not drop ${dbName}: ${err.message}`),
    ),
  );
  onCleanup("redis", () => stopRedis(redisPidFile));
  // Server logs stay in the work folder for a look after a failure; data and caches go.
  onCleanup("work folder", () => {
    for (const d of ["data", "data-a", "data-b", "edge-cookie/cache", "edge-auth/cache"]) fs.rmSync(path.join(work, d), { recursive: true, force: true });
  });
  const prep = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/prepare-db.ts"], { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (prep.status !== 0) throw new Error("migrating and seeding the suite's database failed");
  const publications = Object.fromEntries((await admin(env.DATABASE_URL, "select slug, id from publications")).map((r) => [String(r.slug), Number(r.id)]));
  for (const slug of new Set(Object.values(EDGE_HOSTS))) if (!publications[slug]) throw new Error(`the demo seed has no publication ${slug}`);
  await buildProduction(distDir, env);
  await resetRuntimeCache(distDir);
  const [a, b] = await Promise.all(
    ["a", "b"].map((id) =>
      startServer({
        distDir,
        env: { ...env, MASTHEAD_DATA_DIR: path.join(work, `data-${id}`) },
        logFile: path.join(work, `server-${id}.log`),
        traceFile: null,
      }),
    ),
  );
  const edgeSecret = deriveEdgeKey(authSecret);
  const upstreamPorts = [a.port, b.port];
  const edge = await startEdge({ workDir: path.join(work, "edge-cookie"), upstreamPorts, mode: "cookie", edgeSecret, hosts: EDGE_HOSTS });
  const edgeAuth = await startEdge({ workDir: path.join(work, "edge-auth"), upstreamPorts, mode: "auth_request", edgeSecret, hosts: EDGE_HOSTS });
  const state: MultiState = {
    a: a.baseUrl,
    b: b.baseUrl,
    edge: edge.baseUrl,
    edgeAuth: edgeAuth.baseUrl,
    edgeCacheDir: edge.cacheDir,
    databaseUrl: env.DATABASE_URL,
    authSecret,
    adminToken: env.ADMIN_API_TOKEN,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    redisPort,
    redisPidFile,
    publications,
  };
  fs.writeFileSync(stateFile, JSON.stringify(state));
  console.log(`[multi] A ${a.baseUrl}, B ${b.baseUrl}, edge ${edge.baseUrl} (auth_request ${edgeAuth.baseUrl}), redis :${redisPort}, logs ${work}`);
}

main(process.argv[2]).catch((err: unknown) => {
  console.error(`[multi] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  void cleanupAll().finally(() => process.exit(1));
});
