// A fresh database per run: a new PGlite folder by default, or a new PostgreSQL database created
// beside --database-url (dropped on the way out). Later sections (webhooks on PostgreSQL) reuse it.
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { createScratchDatabase } from "@/db/scratch";
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
  const scratch = await createScratchDatabase(adminUrl, "masthead_bench_");
  onCleanup(`drop database ${scratch.name}`, scratch.drop);
  const url = new URL(scratch.url);
  fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  return {
    kind: "postgres",
    label: `PostgreSQL database ${scratch.name} on ${url.host}`,
    serverEnv: { DATABASE_URL: url.toString(), MASTHEAD_DATA_DIR: dataDir },
    open: () => openDatabase({ url: url.toString() }),
  };
}
