// A private PostgreSQL cluster for the fault tests, made with Debian's postgresql-common tools so
// the tests can restart it (`pg_ctlcluster … restart`) without touching the machine's main cluster.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";

export const CLUSTER = { version: process.env.FAULTS_PG_VERSION ?? "", name: "masthead_faults", port: Number(process.env.FAULTS_PG_PORT ?? 5499) };
export const DB_NAME = "masthead_faults";

function tool(name: string): string {
  for (const dir of ["/usr/bin", "/usr/sbin"]) if (fs.existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  throw new Error(
    `the fault tests need Debian's PostgreSQL cluster tools (${name} not found): apt-get install -y postgresql-common postgresql-15, ` +
      "and run them as root (pg_createcluster/pg_ctlcluster switch to the postgres user)",
  );
}

function run(name: string, args: string[]): string {
  const r = spawnSync(tool(name), args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${name} ${args.join(" ")} failed (exit ${r.status}): ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

function installedVersion(): string {
  if (CLUSTER.version) return CLUSTER.version;
  const versions = fs.existsSync("/usr/lib/postgresql")
    ? fs
        .readdirSync("/usr/lib/postgresql")
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) throw new Error("no PostgreSQL server under /usr/lib/postgresql: apt-get install -y postgresql-15");
  return versions[0];
}

type Status = "online" | "down" | "missing";
function status(version: string): Status {
  const line = run("pg_lsclusters", ["--no-header"])
    .split("\n")
    .find((l) => l.split(/\s+/)[0] === version && l.split(/\s+/)[1] === CLUSTER.name);
  if (!line) return "missing";
  return line.split(/\s+/)[3]?.startsWith("online") ? "online" : "down";
}

export function adminUrl(db = "postgres"): string {
  return `postgres://postgres@127.0.0.1:${CLUSTER.port}/${db}`;
}

/** Creates (or reuses, after an interrupted run) and starts the private cluster; returns its version. */
export function ensureCluster(): string {
  if (process.getuid?.() !== 0) throw new Error("the fault tests create a private PostgreSQL cluster with pg_createcluster and must run as root");
  const version = installedVersion();
  if (status(version) === "missing") {
    // fsync off: a throwaway cluster on a shared 2-core machine; restarts in the tests are clean
    // shutdowns (fast mode), which flush everything anyway.
    run("pg_createcluster", [version, CLUSTER.name, "-p", String(CLUSTER.port), "-o", "fsync=off", "--", "--auth=trust"]);
  }
  if (status(version) !== "online") run("pg_ctlcluster", [version, CLUSTER.name, "start"]);
  CLUSTER.version = version;
  return version;
}

/**
 * `pg_ctlcluster <v> masthead_faults restart|stop|start` — the issue's fault. Asynchronous, so the
 * test's own clients keep sending requests while PostgreSQL goes down and comes back.
 */
export async function ctl(action: "restart" | "stop" | "start"): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    execFile(tool("pg_ctlcluster"), [CLUSTER.version || installedVersion(), CLUSTER.name, action], (err, _out, stderr) =>
      err ? reject(new Error(`pg_ctlcluster ${action} failed: ${stderr || err.message}`)) : resolve(),
    ),
  );
}

export function dropCluster(): void {
  const version = CLUSTER.version || installedVersion();
  if (status(version) !== "missing") execFileSync(tool("pg_dropcluster"), ["--stop", version, CLUSTER.name]);
}

export async function waitForPostgres(url = adminUrl(), timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await c.connect();
      await c.query("select 1");
      await c.end();
      return;
    } catch (err) {
      await c.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL on port ${CLUSTER.port} did not come back: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function recreateDatabase(name: string, template?: string): Promise<string> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}${template ? ` template ${template}` : ""}`);
  } finally {
    await c.end();
  }
  return adminUrl(name);
}
