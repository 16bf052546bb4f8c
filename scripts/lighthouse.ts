// `npm run lighthouse [-- --assert]`: Lighthouse (mobile emulation, simulated throttling) against
// the production build on a fresh demo database, for the home page, a public piece, and a gated
// piece as an anonymous reader and as a premium member. Prints the four category scores per page;
// with --assert, exits non-zero when accessibility, best practices or SEO is below 100 anywhere
// (performance is reported only: it belongs to the benchmark and depends on the machine's load).
//
// Env: NEXT_DIST_DIR (the build to reuse, default .next), LIGHTHOUSE_PORT (3600), CHROMIUM_PATH.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import type { Result as Lhr } from "lighthouse";
import { encode } from "next-auth/jwt";
import { chromiumArgs, chromiumPath } from "./chromium.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const port = Number(process.env.LIGHTHOUSE_PORT || 3600);
const origin = `http://localhost:${port}`;
const dataDir = path.join(root, `.data-lh-${port}`);
const reportDir = path.join(os.tmpdir(), `masthead-lighthouse-${port}`);
const assert = process.argv.includes("--assert");
const GATED_MARKER = "GATED-MARKER-7f3a";
const PREMIUM_EMAIL = "premium@masthead.local";
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const REQUIRED = ["accessibility", "best-practices", "seo"] as const;

// Everything the server and this process read, set before any project module reads the env.
// Always a fresh embedded database, whatever DATABASE_URL says: the audit needs the demo seed.
const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  MASTHEAD_DATA_DIR: dataDir,
  PORT: String(port),
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  SITE_URL: origin,
  NEXT_TELEMETRY_DISABLED: "1",
};
delete serverEnv.DATABASE_URL;
delete serverEnv.EMAIL_SERVER;
delete serverEnv.REDIS_URL;
Object.assign(process.env, serverEnv);
delete process.env.DATABASE_URL;

type Page = { name: string; path: string; cookie?: string; expectMarker?: boolean };
// Raw category scores, 0..1 (null when Lighthouse could not score the category).
type Scores = Record<(typeof CATEGORIES)[number], number | null>;

// Migrates and seeds the fresh database, and mints the premium member's session the way sign-in
// does (the same claims builder), before the server opens the single-process PGlite directory.
async function prepareDatabaseAndSession(): Promise<string> {
  const { closeDb, openDatabase } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const { seedDemo } = await import("@/db/seed/seed");
  const { getMemberByEmail } = await import("@/db/queries/members");
  const { loadMemberAccess } = await import("@/lib/auth/member-access");
  const { getPrimaryPublication } = await import("@/db/queries/publications");
  fs.rmSync(dataDir, { recursive: true, force: true });
  const handle = await openDatabase();
  try {
    await migrateDatabase(handle.db, handle.kind);
    await seedDemo(handle.db);
    const member = await getMemberByEmail(handle.db, PREMIUM_EMAIL);
    if (!member) throw new Error(`the demo seed has no ${PREMIUM_EMAIL}`);
    const primary = await getPrimaryPublication(handle.db);
    const loaded = primary ? await loadMemberAccess(handle.db, member.id, primary.id) : null;
    if (!loaded) throw new Error("could not load the premium member's access");
    const { claims } = loaded;
    const token = await encode({ token: { sub: String(member.id), email: member.email, ...claims }, secret: serverEnv.AUTH_SECRET!, maxAge: 3600 });
    return `next-auth.session-token=${token}`;
  } finally {
    await handle.close();
    await closeDb();
  }
}

function startServer(): { child: ChildProcess; log: string[] } {
  const log: string[] = [];
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port)], { env: serverEnv, detached: true });
  const keep = (chunk: Buffer) => log.push(chunk.toString());
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { child, log };
}

function stopServer(child: ChildProcess) {
  // The server was started in its own process group: end exactly that group.
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
  }
}

async function waitForHealth(child: ChildProcess, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server did not answer /api/health within ${timeoutMs / 1000}s`);
}

// Renders each page once (filling the per-tier render cache) and every optimized image variant it
// references, so the audit measures the steady state rather than first-request work.
async function warmUp(page: Page) {
  const headers: Record<string, string> = { accept: "text/html", ...(page.cookie ? { cookie: page.cookie } : {}) };
  let html = "";
  for (let i = 0; i < 2; i++) html = await (await fetch(`${origin}${page.path}`, { headers })).text();
  if (page.expectMarker !== undefined && html.includes(GATED_MARKER) !== page.expectMarker) {
    throw new Error(`${page.name}: expected the gated text to be ${page.expectMarker ? "present" : "absent"} — the page is not the variant to audit`);
  }
  const images = new Set([...html.matchAll(/\/_next\/image\?[^"'\s,]+/g)].map((m) => m[0].replace(/&amp;/g, "&")));
  await Promise.all([...images].map((src) => fetch(`${origin}${src}`, { headers: { accept: "image/avif,image/webp,image/*" } }).then((r) => r.arrayBuffer())));
}

function failingAudits(lhr: Lhr, category: string): string[] {
  const cat = lhr.categories[category];
  return (cat?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 1)
    .map((a) => `    ${category} · ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`);
}

// Lighthouse runs in its own plain Node process (its CLI) against the shared Chromium: under tsx
// its page-side functions would be rewritten by the TypeScript loader and fail in the browser.
function runLighthouse(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules", "lighthouse", "cli", "index.js"), ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`Lighthouse exited with ${code}: ${stderr.slice(-2000)}`))));
  });
}

// Lighthouse sometimes fails to record the trace of a load (NO_NAVSTART, "Please run Lighthouse
// again"): a fault of the measurement, not of the page. Such runs are repeated; scores never are.
const RUNTIME_ATTEMPTS = 3;

async function audit(chromePort: number, page: Page): Promise<{ scores: Scores; failures: string[] }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await auditOnce(chromePort, page);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (attempt >= RUNTIME_ATTEMPTS || !/Runtime error encountered|runtimeError|NO_NAVSTART|NO_FCP/.test(message)) throw err;
      console.log(`[lighthouse] ${page.name}: Lighthouse runtime error, running it again (${attempt}/${RUNTIME_ATTEMPTS - 1}): ${message.split("\n")[0]}`);
    }
  }
}

async function auditOnce(chromePort: number, page: Page): Promise<{ scores: Scores; failures: string[] }> {
  const out = path.join(reportDir, `${page.name.replace(/\W+/g, "-")}.json`);
  await runLighthouse([
    `${origin}${page.path}`,
    `--port=${chromePort}`,
    "--output=json",
    `--output-path=${out}`,
    `--only-categories=${CATEGORIES.join(",")}`,
    "--quiet",
    ...(page.cookie ? [`--extra-headers=${JSON.stringify({ Cookie: page.cookie })}`] : []),
  ]);
  const lhr = JSON.parse(fs.readFileSync(out, "utf8")) as Lhr;
  if (lhr.runtimeError) throw new Error(`${page.name}: runtimeError ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null])) as Scores;
  const failures = REQUIRED.flatMap((c) => failingAudits(lhr, c));
  return { scores, failures };
}

function printTable(rows: { page: Page; scores: Scores }[]) {
  const head = ["page", "performance", "accessibility", "best-practices", "seo"];
  const width = Math.max(...rows.map((r) => r.page.name.length), 4) + 2;
  console.log(
    `\n${head[0].padEnd(width)}${head
      .slice(1)
      .map((h) => h.padStart(16))
      .join("")}`,
  );
  for (const { page, scores } of rows) {
    // Rounded the way Lighthouse's own report shows them; the assertion uses the raw score.
    console.log(`${page.name.padEnd(width)}${CATEGORIES.map((c) => String(scores[c] === null ? "n/a" : Math.round(scores[c] * 100)).padStart(16)).join("")}`);
  }
}

async function main() {
  const chromePath = chromiumPath();
  if (!chromePath) throw new Error("Chromium was not found: install it (apt-get install chromium) or set CHROMIUM_PATH.");
  const { demoArticles } = await import("@/db/seed/demo-content");
  const publicPiece = demoArticles.find((a) => a.access === "public" && a.locale === "ko");
  const gatedPiece = demoArticles.find((a) => a.body.includes(GATED_MARKER));
  if (!publicPiece || !gatedPiece) throw new Error("the demo content lacks a public or a gated piece");

  const started = Date.now();
  const cookie = await prepareDatabaseAndSession();
  // Reuses the build when the sources have not changed (the e2e run just made it).
  const { ensureBuild, resetRuntimeCache } = await import("./start.mjs");
  ensureBuild();
  resetRuntimeCache();
  fs.mkdirSync(reportDir, { recursive: true });
  const built = Date.now();

  const pages: Page[] = [
    { name: "home", path: "/" },
    { name: "public piece", path: `/articles/${publicPiece.slug}` },
    { name: "gated piece (anonymous)", path: `/articles/${gatedPiece.slug}`, expectMarker: false },
    { name: "gated piece (premium)", path: `/articles/${gatedPiece.slug}`, cookie, expectMarker: true },
  ];

  const server = startServer();
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  const cleanup = () => {
    chrome?.kill();
    stopServer(server.child);
  };
  process.on("SIGINT", () => (cleanup(), process.exit(130)));
  process.on("SIGTERM", () => (cleanup(), process.exit(143)));
  try {
    await waitForHealth(server.child);
    for (const page of pages) await warmUp(page);
    chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", ...chromiumArgs] });
    const rows: { page: Page; scores: Scores; failures: string[] }[] = [];
    for (const page of pages) {
      console.log(`[lighthouse] ${page.name}: ${page.path}${page.cookie ? " (premium session)" : ""}`);
      rows.push({ page, ...(await audit(chrome.port, page)) });
    }
    printTable(rows);
    const secs = (ms: number) => `${Math.round(ms / 1000)}s`;
    console.log(`\nFull reports: ${reportDir} — setup (database, build if needed) ${secs(built - started)}, server and audits ${secs(Date.now() - built)}`);
    const failures = rows.flatMap((r) => (r.failures.length ? [`  ${r.page.name}:`, ...r.failures] : []));
    if (failures.length) console.log(`\nAudits below 100 in accessibility / best practices / SEO:\n${failures.join("\n")}`);
    const belowTarget = rows.filter((r) => REQUIRED.some((c) => r.scores[c] !== 1));
    if (assert && belowTarget.length) {
      console.error(
        `\n[lighthouse] FAIL: accessibility, best practices and SEO must be 100 on every page (${belowTarget.map((r) => r.page.name).join(", ")}).`,
      );
      process.exitCode = 1;
    }
  } catch (err) {
    console.error(`[lighthouse] ${err instanceof Error ? err.message : String(err)}`);
    if (server.log.length) console.error(`[lighthouse] server output:\n${server.log.join("").slice(-4000)}`);
    process.exitCode = 1;
  } finally {
    cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
