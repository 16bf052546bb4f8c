// `npm test`: typecheck, lint, unit, integration (PGlite, and PostgreSQL when DATABASE_URL is
// set), then Playwright e2e against a production build on Debian's Chromium, then Lighthouse on
// the same build (accessibility, best practices and SEO must be 100 on every audited page).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromiumPath } from "./chromium.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const only = process.argv.slice(2);

const steps = [
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["lint", bin("eslint"), [".", "--max-warnings=0"]],
  // One formatter for the tree (.prettierrc.json); `npm run format` rewrites what this finds.
  ["format", bin("prettier"), ["--check", "."]],
  ["unit", bin("vitest"), ["run", "--project", "unit"]],
  ["integration", bin("vitest"), ["run", "--project", "integration"]],
  ["e2e", bin("playwright"), ["test"]],
  // Issue 9: PostgreSQL restarts, Redis stops and SIGKILLs against production servers.
  ["faults", bin("vitest"), ["run", "--project", "faults"], { needs: "DATABASE_URL" }],
  // Issue 8: two instances sharing PostgreSQL and Redis behind nginx; needs DATABASE_URL.
  ["multi", bin("playwright"), ["test", "-c", "e2e-multi/playwright.config.ts"], { needs: "DATABASE_URL" }],
  // react-server: the script reads members' access through server-only product modules.
  ["lighthouse", bin("tsx"), ["--conditions=react-server", "scripts/lighthouse.ts", "--assert"]],
];

if (!fs.existsSync(path.join(root, "node_modules"))) {
  console.error("Dependencies are missing: run `npm install` first.");
  process.exit(1);
}

const results = [];
for (const [name, cmd, args, opts = {}] of steps) {
  if (only.length && !only.includes(name)) continue;
  if (opts.needs && !process.env[opts.needs]) {
    console.log(`\n━━ ${name}: skipped (${opts.needs} is not set)`);
    continue;
  }
  if ((name === "e2e" || name === "lighthouse") && !chromiumPath()) {
    console.error(
      `\nThe ${name} step needs Chromium and none was found.\n` +
        "  Debian/Ubuntu: sudo apt-get install chromium   (or set CHROMIUM_PATH=/path/to/chrome)\n" +
        "  macOS: install Google Chrome, or set CHROMIUM_PATH.\n",
    );
    process.exit(1);
  }
  console.log(`\n━━ ${name} ${process.env.DATABASE_URL && !["typecheck", "lint", "format"].includes(name) ? "(DATABASE_URL set: PostgreSQL too)" : ""}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  results.push({ name, ok: r.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
  if (r.status !== 0) break;
}

console.log("\n━━ summary");
for (const r of results) console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name} (${r.seconds}s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
