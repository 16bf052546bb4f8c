import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { getEnv } from "@/lib/env";
import { clearProcessSlot, peekProcessSlot, processSlot, setProcessSlot } from "@/lib/process-state";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

type Listen = (channel: string, onMessage: (payload: string) => void) => Promise<() => Promise<void>>;
export type DbHandle = { db: Db; close: () => Promise<void>; kind: "pglite" | "postgres"; listen: Listen };

// Every statement this process sends, counted through drizzle's logger hook (one integer
// increment). The benchmark reads it to prove the article hot path makes no query.
const countingLogger = {
  logQuery() {
    setProcessSlot("queryCount", queryCount() + 1);
  },
};
export function queryCount(): number {
  return peekProcessSlot("queryCount") ?? 0;
}

// One handle per process: PGlite allows a single instance per data directory, and Next may load
// this module from several bundles, so the handle is a process slot (lib/process-state.ts).

export function pgliteDir(dataDir = getEnv().MASTHEAD_DATA_DIR): string {
  return path.resolve(dataDir, "pglite");
}

export async function openPglite(dir: string): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  let client;
  try {
    client = await PGlite.create(dir, { extensions: { pg_trgm } });
  } catch (err) {
    if (!fs.existsSync(dir)) throw err;
    // A corrupt data directory is moved aside (never deleted) and a fresh one created, so a bad
    // .data/ cannot put the server into a crash loop.
    const aside = `${dir}.corrupt-${Date.now()}`;
    fs.renameSync(dir, aside);
    console.error(`[db] could not open ${dir} (${(err as Error).message}); moved it to ${aside} and created a new database`);
    client = await PGlite.create(dir, { extensions: { pg_trgm } });
  }
  const db = drizzle({ client, schema, logger: countingLogger }) as unknown as Db;
  const listen: Listen = async (channel, onMessage) => client.listen(channel, onMessage);
  return { db, kind: "pglite", close: () => client.close(), listen };
}

export const CONNECT_TIMEOUT_MS = 5_000;

/** The nice value of background work (bulk imports, the email worker): the readers come first. */
export const BACKGROUND_NICE = 10;

// A bulk job's queries run in its PostgreSQL backend, not in this process: when the database runs
// on this machine and the OS lets us (same user as PostgreSQL, or root), that backend is lowered to
// the same priority as the job, so a members import does not take CPU from the web server on a
// small one-machine install. Elsewhere (a remote database, no permission) this does nothing: a
// remote backend's pid means nothing here, so only a loopback or Unix-socket URL qualifies.
export function isLocalDatabase(url: string): boolean {
  try {
    const u = new URL(url);
    const socket = u.searchParams.get("host");
    if (socket) return socket.startsWith("/");
    return ["", "localhost", "127.0.0.1", "[::1]"].includes(u.hostname);
  } catch {
    // `postgres://user@/db?host=/run/postgresql` (a socket, no host) is not a WHATWG URL.
    return /^postgres(ql)?:\/\/[^/?#]*@\/[^?#]*\?(.*&)?host=(\/|%2F)/i.test(url);
  }
}

async function yieldBackendCpu(client: import("pg").PoolClient): Promise<void> {
  try {
    const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
    os.setPriority(rows[0].pid, BACKGROUND_NICE);
  } catch {
    // Not ours to renice (ESRCH on a remote host's pid, EPERM): run at the normal priority.
  }
}

async function openPostgres(url: string, background: boolean): Promise<DbHandle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  // Without a connect timeout a request waits forever on a PostgreSQL that accepts TCP but does
  // not answer (starting up, overloaded, a half-dead host): fail it after 5 s so the route answers
  // 5xx and the pool slot is freed. TCP keepalive notices a peer that vanished without a FIN.
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
  // An idle client losing its connection (e.g. a PostgreSQL restart) must not crash the process;
  // the pool drops it and the next query opens a fresh connection.
  pool.on("error", (err) => console.error("[db] idle client error:", err.message));
  if (background && isLocalDatabase(url)) pool.on("connect", (client) => void yieldBackendCpu(client));
  const db = drizzle({ client: pool, schema, logger: countingLogger }) as unknown as Db;
  return { db, kind: "postgres", close: () => pool.end(), listen: (channel, onMessage) => listenPostgres(url, channel, onMessage) };
}

// LISTEN needs a dedicated connection. It is retried with backoff whenever it is not up — after a
// server restart, and also when PostgreSQL is not answering at the very first connect (issue 15 §5:
// an instance booted during an outage must still start listening once the database is back).
async function listenPostgres(url: string, channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>> {
  const { Client } = await import("pg");
  let client: import("pg").Client | null = null;
  let stopped = false;
  let delay = 500;
  let retryTimer: NodeJS.Timeout | null = null;
  const retry = () => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delay);
    retryTimer.unref();
    delay = Math.min(delay * 2, 10_000);
  };
  const connect = async () => {
    if (stopped) return;
    const c = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
    c.on("notification", (n) => n.channel === channel && n.payload !== undefined && onMessage(n.payload));
    c.on("error", () => undefined);
    c.on("end", () => {
      // Only the live connection's end schedules a reconnect; a failed attempt retries below.
      if (client !== c) return;
      client = null;
      retry();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      client = c;
      delay = 500;
    } catch {
      await c.end().catch(() => undefined);
      retry();
    }
  };
  await connect();
  return async () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    await client?.end().catch(() => undefined);
  };
}

export function openDatabase(opts: { url?: string; pgliteDir?: string; background?: boolean } = {}): Promise<DbHandle> {
  const url = opts.url ?? getEnv().DATABASE_URL;
  return url ? openPostgres(url, opts.background ?? false) : openPglite(opts.pgliteDir ?? pgliteDir());
}

async function handle(): Promise<DbHandle> {
  return processSlot("db", () =>
    openDatabase().catch((err) => {
      clearProcessSlot("db");
      throw err;
    }),
  );
}

export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

export async function listenDb(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>> {
  return (await handle()).listen(channel, onMessage);
}

export async function closeDb(): Promise<void> {
  const h = peekProcessSlot("db");
  clearProcessSlot("db");
  if (h) await (await h).close();
}
