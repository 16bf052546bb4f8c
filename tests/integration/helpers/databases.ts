import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "@/db/schema";
import type { Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

export type TestDatabase = { kind: "pglite" | "postgres"; db: Db; close: () => Promise<void> };

async function pgliteDatabase(): Promise<TestDatabase> {
  const client = await PGlite.create({ extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  await migrateDatabase(db, "pglite");
  return { kind: "pglite", db, close: () => client.close() };
}

// A database of its own per test file, created next to DATABASE_URL's and dropped afterwards.
async function postgresDatabase(url: string): Promise<TestDatabase> {
  const name = `masthead_it_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: target.toString(), max: 20 });
  // Dropping the database at the end terminates idle connections; that is expected, not an error.
  pool.on("error", () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  await migrateDatabase(db, "postgres");
  return {
    kind: "postgres",
    db,
    close: async () => {
      await pool.end();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

// The kinds each integration suite runs on: always PGlite, PostgreSQL too when DATABASE_URL is set.
export function databaseKinds(): ("pglite" | "postgres")[] {
  return process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export function openTestDatabase(kind: "pglite" | "postgres"): Promise<TestDatabase> {
  if (kind === "pglite") return pgliteDatabase();
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required for the PostgreSQL suite");
  return postgresDatabase(url);
}
