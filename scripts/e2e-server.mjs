// Starts the production server for the e2e suite on a fresh database: a new PGlite directory,
// or a fresh PostgreSQL database next to DATABASE_URL's.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { ensureBuild, nodeOptionsOrExit, resetRuntimeCache } from "./start.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const port = process.env.E2E_PORT || "3100";
const dataDir = path.join(root, `.data-e2e-${port}`);

async function freshPostgres(url) {
  const target = new URL(url);
  const name = `masthead_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  target.pathname = `/${name}`;
  return target.toString();
}

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const env = { ...process.env, MASTHEAD_DATA_DIR: dataDir, PORT: port, NEXT_TELEMETRY_DISABLED: "1" };
  if (process.env.DATABASE_URL) env.DATABASE_URL = await freshPostgres(process.env.DATABASE_URL);
  const prep = spawnSync(bin("tsx"), ["scripts/prepare-db.ts"], { stdio: "inherit", env });
  if (prep.status !== 0) process.exit(prep.status ?? 1);
  ensureBuild();
  resetRuntimeCache();
  // The same heap ceiling as `npm start`, so the suites run the server as it is deployed.
  const child = spawn(bin("next"), ["start", "-p", port], { stdio: "inherit", env: { ...env, NODE_OPTIONS: nodeOptionsOrExit(env) } });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
