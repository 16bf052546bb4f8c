import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "@/db/schema";
import type { Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase, type ScratchDatabase } from "@/db/scratch";

// `url`: PostgreSQL only, for a process of its own to open the same database.
export type TestDatabase = { kind: "pglite" | "postgres"; db: Db; close: () => Promise<void>; url?: string };

/** Plain SQL on the same connection(s) as `db`, for schemas drizzle's types do not describe (e.g. before a migration). */
export type RawQuery = <T extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/** A database with nothing in it yet, not even the migrations: tests that migrate it themselves. */
export type BlankDatabase = TestDatabase & { query: RawQuery };

async function blankPglite(): Promise<BlankDatabase> {
  const client = await PGlite.create({ extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const query: RawQuery = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows;
  return { kind: "pglite", db, query, close: () => client.close() };
}

/** A new, empty database on the server of `url` (named `<prefix>_<random>`), and how to drop it. */
export function createDatabaseBeside(url: string, prefix: string): Promise<ScratchDatabase> {
  return createScratchDatabase(url, `${prefix}_`);
}

// A database of its own per test file, created next to DATABASE_URL's and dropped afterwards.
async function blankPostgres(url: string): Promise<BlankDatabase> {
  const created = await createDatabaseBeside(url, "masthead_it");
  const pool = new pg.Pool({ connectionString: created.url, max: 20 });
  // Dropping the database at the end terminates idle connections; that is expected, not an error.
  pool.on("error", () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const query: RawQuery = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await pool.query<T>(text, params)).rows;
  return {
    kind: "postgres",
    db,
    query,
    url: created.url,
    close: async () => {
      await pool.end();
      await created.drop();
    },
  };
}

// The kinds each integration suite runs on: always PGlite, PostgreSQL too when DATABASE_URL is set.
export function databaseKinds(): ("pglite" | "postgres")[] {
  return process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export function openBlankDatabase(kind: "pglite" | "postgres"): Promise<BlankDatabase> {
  if (kind === "pglite") return blankPglite();
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required for the PostgreSQL suite");
  return blankPostgres(url);
}

/** A fresh database with every committed migration applied. */
export async function openTestDatabase(kind: "pglite" | "postgres"): Promise<TestDatabase> {
  const blank = await openBlankDatabase(kind);
  try {
    await migrateDatabase(blank.db, kind);
  } catch (err) {
    await blank.close();
    throw err;
  }
  return { kind: blank.kind, db: blank.db, close: blank.close, url: blank.url };
}
