// A private redis-server child on its own port (never the machine's shared Redis): the suite
// kills and restarts it. Its pid is kept in a file so whichever process restarted it last can be
// stopped by the teardown, by id.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { createClient } from "redis";

export function startRedis(port: number, pidFile: string): number {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"], {
    detached: true,
    stdio: "ignore",
  });
  child.unref();
  if (!child.pid) throw new Error("could not start redis-server (is it installed?)");
  fs.writeFileSync(pidFile, String(child.pid));
  return child.pid;
}

export function pingRedis(port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (d) => done(d.toString().startsWith("+PONG")));
  });
}

export async function waitForRedis(port: number, up: boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await pingRedis(port)) !== up) {
    if (Date.now() > deadline) throw new Error(`redis on ${port} did not go ${up ? "up" : "down"} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function stopRedis(pidFile: string): void {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  try {
    if (pid > 0) process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}

// What the instances keep in the suite's Redis (lib/cache/shared-cache.mjs): entry keys
// `<namespace>:e:<cache key>` matching `match`, and the fields of the revalidated-tags hash.
export async function sharedCacheContents(port: number, match: string): Promise<{ entries: string[]; tags: string[] }> {
  const client = createClient({ url: `redis://127.0.0.1:${port}` });
  await client.connect();
  try {
    const entries: string[] = [];
    const tags: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `*:e:${match}`, COUNT: 500 })) entries.push(...batch);
    for await (const batch of client.scanIterator({ MATCH: "*:tags", COUNT: 500 })) for (const key of batch) tags.push(...(await client.hKeys(key)));
    return { entries, tags };
  } finally {
    await client.close();
  }
}
