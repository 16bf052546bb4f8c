// `npm run bench`: builds and starts the production server on a freshly seeded database, then
// runs each benchmark section against it and prints figures and PASS/FAIL lines. Exit code 1
// when any check fails. Sections are independent modules under bench/sections/.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { cleanupAll, installSignalHandlers, spawnTracked } from "./children";
import type { BenchContext, BenchPublication } from "./context";
import { groupByTier, mintReaderCookies } from "./cookies";
import { freshPglite, freshPostgres } from "./database";
import { parseOptions, type BenchOptions } from "./options";
import { num, Report } from "./report";
import { bareNextSection } from "./sections/bare-next";
import { edgeSection } from "./sections/edge";
import { publicationsSection } from "./sections/publications";
import { readersSection } from "./sections/readers";
import { emailSection, type EmailBench } from "./sections/email";
import { soakSection } from "./sections/soak";
import { startSmtpSink } from "./smtp-sink";
import { runImportBench } from "./import-members";
import { staticLimitSection } from "./sections/static-limit";
import { webhooksSection } from "./sections/webhooks";
import { weightSection } from "./sections/weight";
import { GATED_MARKER, seedBenchDatabase, seedNewsletterAudience } from "./seed";
import { buildProduction, resetRuntimeCache, startServer, type ServerHandle } from "./server";

// Sections run in this order against one server; later issues add theirs here (see README.md).
// `key` is the name `--only` takes.
// `--soak` and `--email` replace the default sections.
const defaults = (o: BenchOptions) => !o.soak && !o.email;
const sections: { key: string; name: string; enabled: (o: BenchOptions) => boolean; run: (ctx: BenchContext) => Promise<void> }[] = [
  { key: "readers", name: "readers (issue 3)", enabled: defaults, run: readersSection },
  { key: "publications", name: "two publications (issue 16)", enabled: (o) => o.publications && defaults(o), run: publicationsSection },
  { key: "static", name: "static limit (issue 7)", enabled: (o) => o.nginx && defaults(o), run: staticLimitSection },
  { key: "node", name: "Node alone vs bare Next (issue 19)", enabled: defaults, run: bareNextSection },
  { key: "edge", name: "edge cache per tier (issue 8)", enabled: (o) => o.edge && defaults(o), run: edgeSection },
  { key: "weight", name: "page weight (issue 19)", enabled: (o) => o.weight && defaults(o), run: weightSection },
  { key: "webhooks", name: "webhooks (issue 4)", enabled: (o) => o.webhooks && defaults(o), run: webhooksSection },
  { key: "soak", name: "soak (issue 9)", enabled: (o) => o.soak, run: soakSection },
  { key: "email", name: "email (issue 17)", enabled: (o) => o.email, run: (ctx) => emailSection(ctx, ctx.email!) },
];

// Work the server starts by itself on a freshly seeded database (the email worker sending notices
// for the grants that end soon, listeners loading) runs for some seconds: wait until the statement
// count grows no faster than a few per second for 3 s running (at most 180 s: on a slow machine the
// notices alone took more than 60 s, and the webhook figure measured beside them fell by half), so
// it does not share the first measured windows.
async function settle(server: ServerHandle): Promise<{ statements: number; seconds: number; quiet: boolean }> {
  const started = Date.now();
  const first = await server.health();
  let last = first;
  let calm = 0;
  while (Date.now() - started < 180_000) {
    await new Promise((r) => setTimeout(r, 1_000));
    const now = await server.health();
    calm = now - last - 1 <= 4 ? calm + 1 : 0; // less the health check's own statement
    last = now;
    if (calm >= 3) return { statements: last - first, seconds: (Date.now() - started) / 1000, quiet: true };
  }
  return { statements: last - first, seconds: (Date.now() - started) / 1000, quiet: false };
}

async function main(report: Report): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  if (opts.importMembers) return importMode(report, opts);
  const unknown = opts.only?.filter((k) => !sections.some((s) => s.key === k)) ?? [];
  if (unknown.length) throw new Error(`--only: no section ${unknown.join(", ")} (sections: ${sections.map((s) => s.key).join(", ")})`);
  fs.mkdirSync(opts.outDir, { recursive: true });
  report.section(`Setup${opts.quick ? " (--quick)" : ""}`);
  report.record("options", opts);

  const now = new Date();
  // `--email` runs on PostgreSQL: the send queue's worker is a process of its own (EMAIL_WORKER=off
  // on the server, `npm run email:worker`), which the embedded database cannot serve.
  const databaseUrl = opts.databaseUrl ?? (opts.email ? (process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres") : null);
  const database = databaseUrl ? await freshPostgres(databaseUrl, opts.dataDir) : await freshPglite(opts.dataDir);
  let t = Date.now();
  const handle = await database.open();
  const seeded = await seedBenchDatabase(handle.db, handle.kind, { pieces: opts.pieces, members: opts.members, now });
  let email: EmailBench | undefined;
  if (opts.email) {
    const addresses = await seedNewsletterAudience(
      handle.db,
      seeded.publicationId,
      seeded.members.map((m) => m.id),
    );
    for (const m of seeded.members) m.email = addresses.get(m.id) ?? m.email;
    const run = randomBytes(4).toString("hex");
    const markers = { alone: `${run}-alone`, underLoad: `${run}-load` };
    email = {
      sink: await startSmtpSink([markers.alone, markers.underLoad]),
      markers,
      recipients: new Set(seeded.members.map((m) => m.email.toLowerCase())),
      adminToken: randomBytes(24).toString("base64url"),
    };
  }
  // PGlite allows one process per folder: the server opens it next.
  await handle.close();
  report.line(
    `database: ${database.label}: ${seeded.pieces} pieces (${seeded.gatedPieces} gated) and ${num(seeded.members.length)} bench members in the primary publication, ` +
      `${seeded.data.pieces} pieces (${seeded.data.gatedPieces} gated) and ${num(seeded.data.members.length)} more members in "${seeded.data.slug}" (${seeded.data.hosts.join(", ")}), + demo accounts, seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );

  const build = await buildProduction(opts.distDir, database.serverEnv);
  report.line(
    `build: ${opts.distDir} ${build.seconds < 5 ? "up to date" : `built in ${build.seconds.toFixed(0)} s`}${build.undone.length ? ` (took back next build's edits to ${build.undone.join(", ")})` : ""}`,
  );
  await resetRuntimeCache(opts.distDir);

  t = Date.now();
  const secret = randomBytes(32).toString("base64url");
  const cookies = await mintReaderCookies(seeded.members, seeded.tiers, secret, now, seeded.publicationId);
  const byTier = groupByTier(cookies);
  // Sessions signed in on data's host: every bench member (the primary's premium members are
  // premium there through the bundle, the others free) and data's own members.
  const dataCookies = opts.publications
    ? await mintReaderCookies([...seeded.data.members, ...seeded.members], seeded.tiers, secret, now, seeded.data.publicationId)
    : [];
  const dataByTier = groupByTier(dataCookies);
  const mix = (m: Map<string, unknown[]>) => [...m.entries()].map(([tier, list]) => `${tier} ${num(list.length)}`).join(", ");
  report.line(
    `sessions: ${num(cookies.length + dataCookies.length)} minted in ${((Date.now() - t) / 1000).toFixed(1)} s — primary's host: ${mix(byTier)}${dataCookies.length ? `; ${seeded.data.slug}'s host: ${mix(dataByTier)}` : ""}`,
  );

  const traceFile = opts.traceQueries ? path.resolve(opts.outDir, "queries.log") : null;
  const server = await startServer({
    distDir: opts.distDir,
    env: { ...database.serverEnv, AUTH_SECRET: secret, ...(email ? { ...emailEnv(email), EMAIL_WORKER: "off", ADMIN_API_TOKEN: email.adminToken } : {}) },
    logFile: path.resolve(opts.outDir, "server.log"),
    traceFile,
  });
  report.line(
    `server: next start on ${server.baseUrl}, ${server.name} pid ${server.pid}, NODE_OPTIONS "${server.nodeOptions}"; log ${path.relative(process.cwd(), server.logFile)}${traceFile ? `; SQL trace ${path.relative(process.cwd(), traceFile)}` : ""}`,
  );
  if (email)
    email.worker = startEmailWorkerProcess({ ...database.serverEnv, ...emailEnv(email), AUTH_SECRET: secret }, path.resolve(opts.outDir, "email-worker.log"));
  const settled = await settle(server);
  report.line(
    `server background work after start: ${settled.statements} statements in ${settled.seconds.toFixed(0)} s${settled.quiet ? ", then quiet" : ", still busy: measuring anyway"}`,
  );

  const tiersOf = (id: number) =>
    seeded.tiers.filter((tier) => tier.publicationId === id).map(({ slug, name, rank, canComment }) => ({ slug, name, rank, canComment }));
  const primary: BenchPublication = {
    id: seeded.publicationId,
    slug: seeded.publicationSlug,
    host: null,
    tiers: tiersOf(seeded.publicationId),
    gatedSlug: seeded.gatedSlug,
    gatedPath: `/articles/${seeded.gatedSlug}`,
    gatedTier: "premium",
    gatedMarker: GATED_MARKER,
    cookies,
    byTier,
  };
  const publications = [primary];
  if (opts.publications) {
    publications.push({
      id: seeded.data.publicationId,
      slug: seeded.data.slug,
      // Routing ignores the port (design §10); sent as a browser would.
      host: `${seeded.data.hosts[0]}:${server.port}`,
      tiers: tiersOf(seeded.data.publicationId),
      gatedSlug: seeded.data.gatedSlug,
      gatedPath: `/articles/${seeded.data.gatedSlug}`,
      gatedTier: "premium",
      gatedMarker: seeded.data.gatedMarker,
      cookies: dataCookies,
      byTier: dataByTier,
    });
  }
  const ctx: BenchContext = {
    opts,
    report,
    server,
    traceFile,
    secret,
    tiers: primary.tiers,
    publicationId: seeded.publicationId,
    gatedSlug: seeded.gatedSlug,
    gatedPath: `/articles/${seeded.gatedSlug}`,
    gatedTier: "premium",
    cookies,
    byTier,
    publications,
    results: new Map(),
    email,
  };
  for (const section of sections) {
    if (!section.enabled(opts) || (opts.only && !opts.only.includes(section.key))) continue;
    // A broken section is a failed check; the sections after it still run.
    try {
      await section.run(ctx);
    } catch (err) {
      console.error(`\n[bench] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      report.check(`section "${section.name}" ran to the end`, false, err instanceof Error ? err.message.split("\n")[0] : String(err));
    }
  }
}

const emailEnv = (email: EmailBench) => ({ EMAIL_SERVER: email.sink.url, EMAIL_FROM: "Masthead bench <news@bench.masthead.test>" });

// `npm run email:worker` as the benchmark's child (one node process: its pid is the worker's).
function startEmailWorkerProcess(env: Record<string, string>, logFile: string): { pid: number; logFile: string } {
  const log = fs.openSync(logFile, "w");
  // BENCH_EMAIL_CPU_PROF=dir: a V8 CPU profile of the worker, written when it stops.
  const prof = process.env.BENCH_EMAIL_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_EMAIL_CPU_PROF)}`] : [];
  const child = spawnTracked(process.execPath, [...prof, "--conditions=react-server", "--import", "tsx", "scripts/email-worker.ts"], {
    cwd: path.resolve(import.meta.dirname, ".."),
    stdio: ["ignore", log, log],
    env: { ...process.env, DATABASE_URL: "", ...env, NODE_ENV: "production" },
  });
  if (child.pid === undefined) throw new Error("the email worker process did not start");
  return { pid: child.pid, logFile };
}

// `--import`: issue 22's members import on PostgreSQL (bench/import-members.ts), with the article
// path's req/s measured before and during the import on a production server.
async function importMode(report: Report, opts: BenchOptions): Promise<void> {
  report.section(`Members import (issue 22)${opts.quick ? " (--quick)" : ""}`);
  const adminUrl = opts.databaseUrl ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const members = opts.quick ? 10_000 : 100_000;
  const result = await runImportBench({ adminUrl, members, withServer: true, distDir: opts.distDir, seconds: opts.quick ? 5 : 15 });
  report.record("import", { members, lines: result.lines });
  report.check(
    `import: ${num(members)} members with grants within the time and memory goals`,
    result.pass,
    result.lines.filter((l) => /^(PASS|FAIL)/.test(l)).join("; "),
  );
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
