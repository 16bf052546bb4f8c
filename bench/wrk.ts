// wrk as the load generator for the edge section (issue 19): at 50–100k req/s autocannon (one
// Node thread) measures itself, not nginx. Installed from Debian when absent; null when it cannot
// be, and the caller falls back to autocannon.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { LoadResult } from "./load";

export type WrkResult = LoadResult & { bytesPerResponse: number };

function findWrk(): string | null {
  const r = spawnSync("sh", ["-c", "command -v wrk"], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

export function ensureWrk(): string | null {
  const found = findWrk();
  if (found) return found;
  if (process.getuid?.() !== 0) return null;
  console.log("[bench] wrk not found: installing it from Debian (apt-get install -y wrk)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const installed = spawnSync("apt-get", ["install", "-y", "-qq", "wrk"], { stdio: "inherit", env, timeout: 300_000 });
  if (installed.status !== 0) {
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env, timeout: 300_000 });
    spawnSync("apt-get", ["install", "-y", "-qq", "wrk"], { stdio: "inherit", env, timeout: 300_000 });
  }
  return findWrk();
}

// "250.00us" / "1.20ms" / "1.01s" → milliseconds.
export function wrkMillis(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!m) throw new Error(`wrk printed an unknown duration: ${text}`);
  const n = Number(m[1]);
  return Math.round({ us: n / 1000, ms: n, s: n * 1000, m: n * 60_000 }[m[2] as "us" | "ms" | "s" | "m"] * 100) / 100;
}

const UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

// The figures of one `wrk --latency` run from its text output.
export function parseWrk(out: string): WrkResult {
  const totals = /(\d+) requests in ([\d.]+)(us|ms|s|m), ([\d.]+)([KMGT]?B) read/.exec(out);
  if (!totals) throw new Error(`could not read wrk's output:\n${out}`);
  const requests = Number(totals[1]);
  const seconds = wrkMillis(`${totals[2]}${totals[3]}`) / 1000;
  const percentile = (p: string) => {
    const m = new RegExp(`^\\s+${p}%\\s+(\\S+)`, "m").exec(out);
    return m ? wrkMillis(m[1]) : 0;
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  return {
    requests,
    seconds,
    requestsPerSecond: seconds ? requests / seconds : 0,
    p50: percentile("50"),
    p99: percentile("99"),
    non2xx: non2xx ? Number(non2xx[1]) : 0,
    errors: socket ? Number(socket[1]) + Number(socket[2]) + Number(socket[3]) : 0,
    timeouts: socket ? Number(socket[4]) : 0,
    rss: null,
    serverCpuMs: null,
    bytesPerResponse: requests ? Math.round((Number(totals[4]) * UNITS[totals[5]]) / requests) : 0,
  };
}

// A Lua script that sends each request with the next reader's cookie (every thread cycles through
// all of them, starting at its own offset), keeping wrk's own headers (-H, Host).
function cookieScript(cookies: string[]): string {
  return `local cookies = {\n${cookies.map((c) => `  ${JSON.stringify(c)},`).join("\n")}\n}
local requests = nil
local i = math.random(#cookies)
request = function()
  if requests == nil then
    requests = {}
    for k, cookie in ipairs(cookies) do
      local h = {}
      for name, value in pairs(wrk.headers) do h[name] = value end
      h["Cookie"] = cookie
      requests[k] = wrk.format(nil, nil, h)
    end
  end
  i = i % #requests + 1
  return requests[i]
end
`;
}

export async function runWrk(
  bin: string,
  opts: {
    baseUrl: string;
    path: string;
    connections: number;
    seconds: number;
    threads?: number;
    headers?: Record<string, string>;
    cookies?: string[];
    workDir: string;
  },
): Promise<WrkResult> {
  const args = ["-t", String(opts.threads ?? 2), "-c", String(opts.connections), "-d", `${opts.seconds}s`, "--timeout", "10s", "--latency"];
  for (const [name, value] of Object.entries({ accept: "text/html,application/xhtml+xml", ...opts.headers })) args.push("-H", `${name}: ${value}`);
  if (opts.cookies?.length) {
    fs.mkdirSync(opts.workDir, { recursive: true });
    const script = path.join(opts.workDir, "cookies.lua");
    fs.writeFileSync(script, cookieScript(opts.cookies));
    args.push("-s", script);
  }
  args.push(`${opts.baseUrl}${opts.path}`);
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (out += c.toString("utf8")));
  // Bounded: wrk stops by itself after `seconds`; the guard only ends a wedged run.
  const guard = setTimeout(() => child.kill("SIGTERM"), (opts.seconds + 30) * 1000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearTimeout(guard);
  if (code !== 0) throw new Error(`wrk exited ${code}:\n${out}`);
  return parseWrk(out);
}
