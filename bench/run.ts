// `npm run bench`: builds and starts the production server on a freshly seeded database, then
// runs each benchmark section against it and prints figures and PASS/FAIL lines. Exit code 1
// when any check fails. Sections are independent modules under bench/sections/.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { cleanupAll, installSignalHandlers } from "./children";
import type { BenchContext } from "./context";
import { groupByTier, mintReaderCookies } from "./cookies";
import { freshPglite, freshPostgres } from "./database";
import { parseOptions, type BenchOptions } from "./options";
import { num, Report } from "./report";
import { edgeSection } from "./sections/edge";
import { readersSection } from "./sections/readers";
import { soakSection } from "./sections/soak";
import { staticLimitSection } from "./sections/static-limit";
import { webhooksSection } from "./sections/webhooks";
import { seedBenchDatabase } from "./seed";
import { buildProduction, resetRuntimeCache, startServer } from "./server";

// Sections run in this order against one server; later issues add theirs here (see README.md).
const sections: { name: string; enabled: (o: BenchOptions) => boolean; run: (ctx: BenchContext) => Promise<void> }[] = [
  { name: "readers (issue 3)", enabled: (o) => !o.soak, run: readersSection },
  { name: "static limit (issue 7)", enabled: (o) => o.nginx && !o.soak, run: staticLimitSection },
  { name: "edge cache per tier (issue 8)", enabled: (o) => o.edge && !o.soak, run: edgeSection },
  { name: "webhooks (issue 4)", enabled: (o) => o.webhooks && !o.soak, run: webhooksSection },
  { name: "soak (issue 9)", enabled: (o) => o.soak, run: soakSection },
];

async function main(report: Report): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  fs.mkdirSync(opts.outDir, { recursive: true });
  report.section(`Setup${opts.quick ? " (--quick)" : ""}`);
  report.record("options", opts);

  const now = new Date();
  const database = opts.databaseUrl ? await freshPostgres(opts.databaseUrl, opts.dataDir) : await freshPglite(opts.dataDir);
  let t = Date.now();
  const handle = await database.open();
  const seeded = await seedBenchDatabase(handle.db, handle.kind, { pieces: opts.pieces, members: opts.members, now });
  // PGlite allows one process per folder: the server opens it next.
  await handle.close();
  report.line(`database: ${database.label}: ${seeded.pieces} pieces (${seeded.gatedPieces} gated), ${num(seeded.members.length)} bench members + demo accounts, seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const build = await buildProduction(opts.distDir, database.serverEnv);
  report.line(`build: ${opts.distDir} ${build.seconds < 5 ? "up to date" : `built in ${build.seconds.toFixed(0)} s`}${build.undone.length ? ` (took back next build's edits to ${build.undone.join(", ")})` : ""}`);
  await resetRuntimeCache(opts.distDir);

  t = Date.now();
  const secret = randomBytes(32).toString("base64url");
  const cookies = await mintReaderCookies(seeded.members, seeded.tiers, secret, now, seeded.publicationId);
  const byTier = groupByTier(cookies);
  report.line(`sessions: ${num(cookies.length)} minted in ${((Date.now() - t) / 1000).toFixed(1)} s — ${[...byTier.entries()].map(([tier, list]) => `${tier} ${num(list.length)}`).join(", ")}`);

  const traceFile = opts.traceQueries ? path.resolve(opts.outDir, "queries.log") : null;
  const server = await startServer({ distDir: opts.distDir, env: { ...database.serverEnv, AUTH_SECRET: secret }, logFile: path.resolve(opts.outDir, "server.log"), traceFile });
  report.line(`server: next start on ${server.baseUrl}, ${server.name} pid ${server.pid}, NODE_OPTIONS "${server.nodeOptions}"; log ${path.relative(process.cwd(), server.logFile)}${traceFile ? `; SQL trace ${path.relative(process.cwd(), traceFile)}` : ""}`);

  const ctx: BenchContext = {
    opts,
    report,
    server,
    traceFile,
    secret,
    tiers: seeded.tiers,
    publicationId: seeded.publicationId,
    gatedSlug: seeded.gatedSlug,
    gatedPath: `/articles/${seeded.gatedSlug}`,
    gatedTier: "premium",
    cookies,
    byTier,
    results: new Map(),
  };
  for (const section of sections) {
    if (!section.enabled(opts)) continue;
    // A broken section is a failed check; the sections after it still run.
    try {
      await section.run(ctx);
    } catch (err) {
      console.error(`\n[bench] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      report.check(`section "${section.name}" ran to the end`, false, err instanceof Error ? err.message.split("\n")[0] : String(err));
    }
  }
}

async function run(): Promise<void> {
  installSignalHandlers();
  const report = new Report();
  try {
    await main(report);
  } catch (err) {
    console.error(`\n[bench] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    report.check("benchmark ran to the end", false, err instanceof Error ? err.message.split("\n")[0] : String(err));
  } finally {
    await cleanupAll();
  }
  report.summary("bench/out");
  process.exit(report.failed ? 1 : 0);
}

void run();
