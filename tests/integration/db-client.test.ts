import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { BACKGROUND_NICE, CONNECT_TIMEOUT_MS, isLocalDatabase, openDatabase, openPglite } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { tiers } from "@/db/schema";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-dbclient-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("embedded database folder", () => {
  it("creates a missing data folder, parents included", async () => {
    const dir = path.join(root, "missing", "nested", "pglite");
    const handle = await openPglite(dir);
    await migrateDatabase(handle.db, "pglite");
    const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(tiers);
    expect(row.n).toBe(0);
    await handle.close();
    expect(fs.existsSync(dir)).toBe(true);
  });

  it("moves a corrupt folder aside, keeps it, and starts a fresh database", async () => {
    const dir = path.join(root, "corrupt", "pglite");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "PG_VERSION"), "not a version\n");
    fs.mkdirSync(path.join(dir, "global"));
    fs.writeFileSync(path.join(dir, "global", "pg_control"), "garbage");
    const handle = await openPglite(dir);
    await migrateDatabase(handle.db, "pglite");
    await handle.close();
    const aside = fs.readdirSync(path.dirname(dir)).filter((n) => n.startsWith("pglite.corrupt-"));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(dir), aside[0], "PG_VERSION"), "utf8")).toBe("not a version\n");
  });
});

describe("PostgreSQL pool", () => {
  it("fails a query after the connect timeout when the server accepts TCP but never answers", async () => {
    // A socket that listens and stays silent: what a PostgreSQL still starting up or a half-dead
    // host looks like. Without a timeout the query (and the request behind it) would hang forever.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((s) => void sockets.add(s));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    const handle = await openDatabase({ url: `postgres://nobody@127.0.0.1:${port}/nothing` });
    const started = Date.now();
    try {
      await expect(handle.db.execute(sql`select 1`)).rejects.toThrow();
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 100);
      expect(waited).toBeLessThan(CONNECT_TIMEOUT_MS + 5_000);
    } finally {
      await handle.close().catch(() => undefined);
      for (const s of sockets) s.destroy();
      silent.close();
    }
  }, 20_000);
});

describe("background work on a one-machine install", () => {
  it("only treats loopback and Unix-socket URLs as this machine's database", () => {
    expect(isLocalDatabase("postgres://postgres@127.0.0.1:5432/test")).toBe(true);
    expect(isLocalDatabase("postgres://u@localhost/db")).toBe(true);
    expect(isLocalDatabase("postgres://u@[::1]:5432/db")).toBe(true);
    expect(isLocalDatabase("postgres://u@/db?host=/var/run/postgresql")).toBe(true);
    expect(isLocalDatabase("postgres://u@db.internal:5432/db")).toBe(false);
    expect(isLocalDatabase("postgres://u@10.0.0.5/db")).toBe(false);
    expect(isLocalDatabase("postgres://u@127.0.0.1/db?host=db.internal")).toBe(false);
    expect(isLocalDatabase("not a url")).toBe(false);
  });

  // A bulk import's queries run in its PostgreSQL backend: the CLI lowers that backend's priority
  // with its own, so readers keep the CPU. Needs the local server and permission to renice it.
  const url = process.env.DATABASE_URL;
  const mayRenice = process.getuid?.() === 0;
  it.runIf(url && isLocalDatabase(url) && mayRenice)("lowers the priority of a background connection's backend, and only its", async () => {
    const background = await openDatabase({ url, background: true });
    const normal = await openDatabase({ url });
    try {
      const pid = async (db: typeof background.db) => {
        // Both drivers answer a raw statement with { rows }; drizzle types it as unknown.
        const result = (await db.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] };
        return Number(result.rows[0]?.pid);
      };
      const [bg, fg] = [await pid(background.db), await pid(normal.db)];
      // The renice runs on the pool's connect event, before the first query's result arrives.
      expect(os.getPriority(bg)).toBe(BACKGROUND_NICE);
      expect(os.getPriority(fg)).toBe(0);
    } finally {
      await background.close();
      await normal.close();
    }
  });
});
