// Builds the production bundle into its own folder and runs `next start` on loopback, with the
// benchmark's environment, reporting the real next-server process id for memory readings.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { spawnSync, type ChildProcess } from "node:child_process";
import { serverNodeOptions } from "../scripts/heap-limit.mjs";
import { onCleanup, spawnTracked, stopChild } from "./children";
import { pidListeningOn, processName } from "./proc";

const root = path.resolve(import.meta.dirname, "..");

// Variables the product reads (lib/env.ts) that must not leak in from the caller's shell (CI sets
// DATABASE_URL, for one): the build and the server get exactly the benchmark's.
const PRODUCT_ENV = [
  "DATABASE_URL",
  "MASTHEAD_DATA_DIR",
  "AUTH_SECRET",
  "SITE_URL",
  "NEXTAUTH_URL",
  "PORT",
  "EMAIL_SERVER",
  "EMAIL_FROM",
  "EMAIL_CONNECTIONS",
  "EMAIL_DOMAIN_RATE",
  "EMAIL_POLL_MS",
  "EMAIL_SWEEP_SECONDS",
  "EMAIL_DKIM_DOMAIN",
  "EMAIL_DKIM_SELECTOR",
  "EMAIL_DKIM_PRIVATE_KEY",
  "ADMIN_EMAIL",
  "ADMIN_API_TOKEN",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "PORTONE_API_SECRET",
  "PORTONE_WEBHOOK_SECRET",
  "PORTONE_STORE_ID",
  "PORTONE_CHANNEL_KEY",
  "PORTONE_API_BASE",
  "EMAIL_WORKER",
  "REDIS_URL",
  "STRIPE_API_BASE",
  "STRIPE_PAST_DUE_GRACE_DAYS",
  "MASTHEAD_DEMO_PERIOD_SECONDS",
  "MASTHEAD_BENCH",
  "NODE_OPTIONS",
  "EDGE_SECRET",
  "EDGE_COOKIE_TTL_SECONDS",
  "MASTHEAD_INSTANCES",
  "MASTHEAD_DEPLOYMENT_ID",
  "MASTHEAD_CACHE_NAMESPACE",
];

function withoutProductEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of PRODUCT_ENV) delete env[k];
  return env;
}

// `next build` adds its output folder to tsconfig.json's include list and points next-env.d.ts at
// it. Other engineers share this tree: take back only what the bench build added, at the end of
// the build or, if the run dies mid-build, on exit.
function undoBuildEdits(distDir: string): () => string[] {
  const tsconfig = path.join(root, "tsconfig.json");
  const nextEnv = path.join(root, "next-env.d.ts");
  const nextEnvBefore = fs.existsSync(nextEnv) ? fs.readFileSync(nextEnv, "utf8") : null;
  const tsconfigBefore = fs.existsSync(tsconfig) ? { text: fs.readFileSync(tsconfig, "utf8"), mtimeNs: fs.statSync(tsconfig, { bigint: true }).mtimeNs } : null;
  const mark = `"${distDir}/`;
  const undo = () => {
    const undone: string[] = [];
    if (fs.existsSync(tsconfig)) {
      const text = fs.readFileSync(tsconfig, "utf8");
      const kept = text.split("\n").filter((line) => !line.includes(mark));
      if (kept.length !== text.split("\n").length) {
        const restored = kept.join("\n").replace(/,(\s*\])/g, "$1");
        fs.writeFileSync(tsconfig, restored);
        // ensureBuild's source fingerprint includes tsconfig.json's mtime: give the file back its
        // old one when the content is exactly as before, or every run would rebuild.
        if (tsconfigBefore && restored === tsconfigBefore.text) setMtimeNs(tsconfig, tsconfigBefore.mtimeNs);
        undone.push("tsconfig.json");
      }
    }
    if (nextEnvBefore !== null && !nextEnvBefore.includes(`./${distDir}/`) && fs.readFileSync(nextEnv, "utf8").includes(`./${distDir}/`)) {
      fs.writeFileSync(nextEnv, nextEnvBefore);
      undone.push("next-env.d.ts");
    }
    return undone;
  };
  process.on("exit", undo);
  return () => {
    process.off("exit", undo);
    return undo();
  };
}

// To the nanosecond (fs.utimes rounds): `touch -d @seconds.nanoseconds` (GNU coreutils).
function setMtimeNs(file: string, ns: bigint): void {
  const stamp = `@${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, "0")}`;
  spawnSync("touch", ["-m", "-d", stamp, file]);
}

// scripts/start.mjs reads NEXT_DIST_DIR once, when first imported (set in the child's env).
const importStart = `import(${JSON.stringify(path.join(root, "scripts/start.mjs"))})`;

// Runs the product's own ensureBuild() (rebuilds only when the sources changed) in a child, so a
// failed build is reported as a failed run rather than ending the benchmark abruptly.
export async function buildProduction(distDir: string, env: Record<string, string>): Promise<{ seconds: number; undone: string[] }> {
  const undo = undoBuildEdits(distDir);
  const started = Date.now();
  // Pages prerendered at build time read the benchmark's database, never another engineer's.
  const child = spawnTracked(process.execPath, ["-e", `${importStart}.then((m) => m.ensureBuild())`], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...withoutProductEnv(), ...env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  // Bounded like every other step: a build that hangs is stopped after 15 minutes.
  const timer = setTimeout(() => void stopChild(child), 15 * 60_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearTimeout(timer);
  const undone = undo();
  if (code !== 0) throw new Error(`the production build failed (exit ${code}); see the output above`);
  return { seconds: (Date.now() - started) / 1000, undone };
}

export async function resetRuntimeCache(distDir: string): Promise<void> {
  process.env.NEXT_DIST_DIR = distDir;
  const mod = (await import(path.join(root, "scripts/start.mjs"))) as { resetRuntimeCache: () => void };
  mod.resetRuntimeCache();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export type ServerHandle = {
  port: number;
  baseUrl: string;
  pid: number; // the next-server process (owner of the listening socket)
  name: string;
  child: ChildProcess;
  logFile: string;
  nodeOptions: string; // the server's NODE_OPTIONS (its heap ceiling)
  health: () => Promise<number>;
  stop: () => Promise<void>;
};

async function fetchJson(url: string, timeoutMs: number): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.json();
}

// `until: "answering"` returns once the server answers HTTP at all (a 503 from a health check
// whose database is down counts): for tests that boot a server during an outage.
export async function startServer(opts: {
  distDir: string;
  env: Record<string, string>;
  logFile: string;
  traceFile: string | null;
  until?: "healthy" | "answering";
}): Promise<ServerHandle> {
  const port = await freePort();
  const env = withoutProductEnv();
  Object.assign(env, opts.env, {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: opts.distDir,
    PORT: String(port),
    MASTHEAD_BENCH: "1",
    // Every load-generator connection comes from 127.0.0.1: per-IP search and per-token Admin API
    // limits would answer 429 to the benchmark itself. The limiters still run on every request.
    SEARCH_REQUESTS_PER_MINUTE: "1000000",
    ADMIN_API_REQUESTS_PER_MINUTE: "1000000",
    SIGNIN_REQUESTS_PER_IP: "1000000",
  });
  // `-H localhost`, not `-H 127.0.0.1`: with an IP host, Next 16.4 sees the proxy's rewrite
  // (built from request.nextUrl, whose host is "localhost") as an external URL and fetches it,
  // so the proxy blocks the internal /t/** path and every article answers 404. Loopback either way.
  const args = [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "localhost"];
  // BENCH_SERVER_CPU_PROF=dir: the server's CPU profile, written there when it stops.
  const cpuProf = process.env.BENCH_SERVER_CPU_PROF;
  if (cpuProf) args.unshift("--cpu-prof", "--cpu-prof-dir", path.resolve(cpuProf));
  if (opts.traceFile) {
    fs.writeFileSync(opts.traceFile, "");
    env.MASTHEAD_BENCH_TRACE = opts.traceFile;
    args.unshift("--import", path.join(root, "bench/trace-queries.mjs"));
  }
  // The heap ceiling `npm start` gives the server (scripts/heap-limit.mjs); MASTHEAD_HEAP_MB in
  // the caller's environment changes it, `MASTHEAD_HEAP_MB=0` measures V8's own sizing.
  env.NODE_OPTIONS = serverNodeOptions(env);
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = fs.openSync(opts.logFile, "w");
  const child = spawnTracked(process.execPath, args, { cwd: root, env, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  const baseUrl = `http://localhost:${port}`;
  const health = async () => {
    const body = (await fetchJson(`${baseUrl}/api/health`, 10_000)) as { ok?: boolean; queries?: unknown };
    if (typeof body.queries !== "number") throw new Error("/api/health did not report a query count (MASTHEAD_BENCH=1 not honoured?)");
    return body.queries;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited during start-up; see ${opts.logFile}:\n${tail(opts.logFile)}`);
    try {
      if (opts.until === "answering") await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
      else await health();
      break;
    } catch (err) {
      if (Date.now() > deadline) {
        await stopChild(child);
        throw new Error(`the server did not answer /api/health within 60 s (${(err as Error).message}); see ${opts.logFile}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const pid = pidListeningOn(port, child.pid!) ?? child.pid!;
  const stop = () => stopChild(child);
  onCleanup("next server", stop);
  return { port, baseUrl, pid, name: processName(pid), child, logFile: opts.logFile, nodeOptions: env.NODE_OPTIONS ?? "", health, stop };
}

export function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}
