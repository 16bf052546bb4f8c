import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createDatabaseBeside } from "../helpers/databases";
import { freePort } from "./redis-server";

// Real `next start` servers on one build, for the multi-instance cache checks.

export type Server = { port: number; url: string; logs: string[]; child: ChildProcess };

export async function createSeededDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const created = await createDatabaseBeside(baseUrl, "masthead_cache");
  const prep = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/prepare-db.ts"], {
    env: { ...process.env, DATABASE_URL: created.url, REDIS_URL: "" },
    encoding: "utf8",
    timeout: 120_000,
  });
  if (prep.status !== 0) throw new Error(`prepare-db failed: ${prep.stderr}`);
  return created;
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
