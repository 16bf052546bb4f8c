import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { freePort } from "./redis-server";

// Real `next start` servers on one build, for the multi-instance cache checks.

export type Server = { port: number; url: string; logs: string[]; child: ChildProcess };

export async function createSeededDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `masthead_cache_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(baseUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  const prep = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/prepare-db.ts"], {
    env: { ...process.env, DATABASE_URL: url, REDIS_URL: "" },
    encoding: "utf8",
    timeout: 120_000,
  });
  if (prep.status !== 0) throw new Error(`prepare-db failed: ${prep.stderr}`);
  return {
    url,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export async function startServer(env: Record<string, string | undefined>): Promise<Server> {
  const port = await freePort();
  const logs: string[] = [];
  // Hostname left default: `-H 127.0.0.1` makes Next treat the proxy's rewrite as external.
  const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], {
    env: { ...process.env, ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => logs.push(String(d)));
  child.stderr!.on("data", (d) => logs.push(String(d)));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${logs.join("")}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { port, url, logs, child };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on ${port} did not become healthy: ${logs.join("")}`);
}

export async function stopServer(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once("exit", r));
  server.child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (server.child.exitCode === null) server.child.kill("SIGKILL");
}
