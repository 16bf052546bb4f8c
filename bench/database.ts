// A fresh database per run: a new PGlite folder by default, or a new PostgreSQL database created
// beside --database-url (dropped on the way out). Later sections (webhooks on PostgreSQL) reuse it.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "@/db/client";
import { onCleanup } from "./children";

export type BenchDatabase = {
  kind: "pglite" | "postgres";
  label: string;
  // What the server needs in its environment to open this database.
  serverEnv: Record<string, string>;
  open: () => ReturnType<typeof openDatabase>;
};

export async function freshPglite(dataDir: string): Promise<BenchDatabase> {
  const dir = path.resolve(dataDir);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return {
    kind: "pglite",
    label: `PGlite in ${dataDir}/pglite`,
    serverEnv: { MASTHEAD_DATA_DIR: dataDir },
    open: () => openDatabase({ pgliteDir: path.join(dir, "pglite") }),
  };
}

export async function freshPostgres(adminUrl: string, dataDir: string): Promise<BenchDatabase> {
  const name = `masthead_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  onCleanup(`drop database ${name}`, async () => {
    const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
    await c.connect();
    try {
      await c.query(`drop database if exists ${name} with (force)`);
    } finally {
      await c.end();
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  return {
    kind: "postgres",
    label: `PostgreSQL database ${name} on ${url.host}`,
    serverEnv: { DATABASE_URL: url.toString(), MASTHEAD_DATA_DIR: dataDir },
    open: () => openDatabase({ url: url.toString() }),
  };
}
