// @ts-check
// `npm start`: prepare the database (migrate, seed when empty), build when the sources changed
// since the last build, then serve the production build.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { serverNodeOptions } from "./heap-limit.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const bin = (/** @type {string} */ name) => path.join(root, "node_modules", ".bin", name);
const distDir = process.env.NEXT_DIST_DIR || ".next";

/** @param {string} cmd @param {string[]} args */
function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// A fingerprint of everything that goes into the build; a changed tree triggers a rebuild.
function sourceFingerprint() {
  const hash = createHash("sha256");
  const walk = (/** @type {string} */ p) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name));
    } else {
      hash.update(`${p}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const p of ["app", "lib", "db", "public", "proxy.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"]) walk(p);
  return hash.digest("hex");
}

export function ensureBuild() {
  const stampFile = path.join(root, distDir, "masthead-build-stamp");
  const fingerprint = sourceFingerprint();
  const stamp = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
  if (stamp === fingerprint && fs.existsSync(path.join(root, distDir, "BUILD_ID"))) return;
  console.log("[start] building the production bundle (first run or sources changed)…");
  run(bin("next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  fs.writeFileSync(stampFile, fingerprint);
}

// Renders cached by an earlier run may come from another database (a re-seeded demo, a switched
// DATABASE_URL): start every server with an empty render and data cache. Only this build folder's
// local files: the shared Redis cache (REDIS_URL) is never wiped here — other instances are
// serving from it; its keys are namespaced by build and database instead (lib/cache/rules.mjs),
// and a freshly seeded database clears its own namespace (scripts/prepare-db.ts).
export function resetRuntimeCache() {
  for (const dir of ["cache/fetch-cache", "server/route-cache"]) fs.rmSync(path.join(root, distDir, dir), { recursive: true, force: true });
}

/** The server's NODE_OPTIONS with its heap ceiling (scripts/heap-limit.mjs); a bad setting stops start-up. */
/** @param {Record<string, string | undefined>} env @returns {string} */
export function nodeOptionsOrExit(env) {
  try {
    return serverNodeOptions(env);
  } catch (err) {
    console.error(`[start] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

function main() {
  const [major] = process.versions.node.split(".").map(Number);
  if (major < 20) {
    console.error(`Masthead needs Node.js 20 or newer (found ${process.versions.node}).`);
    process.exit(1);
  }
  // `--serve-only`: one of several instances (deploy/README.md). The database was prepared and the
  // build made once beforehand; N instances migrating or building at once would collide, and one
  // must not delete local cache files another is using.
  const serveOnly = process.argv.includes("--serve-only");
  // Checked first: a bad setting should not wait for a migration and a build to be reported.
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_OPTIONS: nodeOptionsOrExit(process.env) };
  if (serveOnly) {
    if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
      console.error(`[start] --serve-only needs a build in ${distDir}: run \`npm run build\` (once, with the same settings) first.`);
      process.exit(1);
    }
  } else {
    run(bin("tsx"), ["scripts/prepare-db.ts"]);
    ensureBuild();
    resetRuntimeCache();
  }
  const port = process.env.PORT || "3000";
  console.log(`[start] serving on http://localhost:${port}`);
  const child = spawn(bin("next"), ["start", "-p", port], { stdio: "inherit", env });
  for (const sig of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(sig, () => child.kill(sig));
  child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, "scripts", "start.mjs")) main();
