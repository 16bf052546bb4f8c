// A private Redis for the fault tests (never the machine's shared one on 6379): started as a child
// without persistence, stopped and started again on the same port to simulate an outage.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { sleep } from "./http";

export const REDIS_PORT = Number(process.env.FAULTS_REDIS_PORT ?? 6385);
export const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;

function ping(): boolean {
  return spawnSync("redis-cli", ["-p", String(REDIS_PORT), "ping"], { encoding: "utf8" }).stdout?.trim() === "PONG";
}

export function redisKeyCount(): number {
  const out = spawnSync("redis-cli", ["-p", String(REDIS_PORT), "dbsize"], { encoding: "utf8" }).stdout?.trim();
  return Number(out) || 0;
}

export async function startRedis(): Promise<ChildProcess> {
  if (ping()) throw new Error(`something already answers on Redis port ${REDIS_PORT}; set FAULTS_REDIS_PORT`);
  const child = spawn("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"], {
    stdio: "ignore",
  });
  for (let i = 0; i < 100 && !ping(); i++) await sleep(50);
  if (!ping()) throw new Error(`redis-server did not start on port ${REDIS_PORT} (is redis-server installed?)`);
  return child;
}

export async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
}
