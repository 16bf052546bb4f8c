import { parseArgs } from "node:util";

// Durations and sizes for one run. `--quick` is a smoke run (about a minute after the build); the
// default full run is sized to finish in about five minutes on a 2-core machine (build excluded).
export type BenchOptions = {
  quick: boolean;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  // Measured time per reader kind is split into rounds run in mirrored order (A B C C B A …), so
  // drifting load from other processes on the machine does not favour one kind.
  rounds: number;
  idleSeconds: number;
  members: number;
  pieces: number;
  readers: number;
  readerConcurrency: number;
  databaseUrl: string | null;
  nginx: boolean;
  webhooks: boolean;
  // Issue 16: a second publication seeded, read and measured next to the primary.
  publications: boolean;
  // Run only these sections (their keys in run.ts); null: every enabled one.
  only: string[] | null;
  // Opt-in sections: `--edge` (issue 8, nginx edge cache per tier) and `--soak` (issue 9).
  edge: boolean;
  // `--weight` (issue 19 item 5): bytes per article page.
  weight: boolean;
  soak: boolean;
  soakSeconds: number;
  // Opt-in modes that replace the default sections: `--email` (issue 17, a newsletter to 10,000
  // members through a local SMTP sink under web load) and `--import` (issue 22, members import on
  // PostgreSQL).
  email: boolean;
  importMembers: boolean;
  traceQueries: boolean;
  distDir: string;
  dataDir: string;
  outDir: string;
};

const usage = `npm run bench -- [options]
  --quick               short durations and 1,000 readers (smoke run)
  --connections N       autocannon connections per phase (default 24)
  --duration S          measured seconds per phase (default 20; quick 4)
  --warmup S            warm-up seconds before each phase (default 5; quick 2)
  --readers N           distinct signed-in readers for the cache check (default 10000; quick 1000)
  --database-url URL    run on a fresh PostgreSQL database created next to URL (dropped after);
                        default: a fresh PGlite folder (.data-bench)
  --no-nginx            skip the nginx static-file baseline
  --no-webhooks         skip the Stripe webhook figure (runs only with a PostgreSQL URL anyway)
  --no-publications     skip the two-publication section (issue 16) and data's sessions
  --only KEYS           run only these sections, comma-separated: readers, publications, static, node,
                        edge, weight, webhooks, soak, email (each still needs its own flag, e.g. --edge)
  --edge                also measure the nginx edge cache per tier (issues 8, 19): anonymous and
                        premium gzip clients through the edge, against nginx serving the same bytes
                        precompressed (gzip_static); wrk when available (installed from apt if not)
  --weight              also report page weight per article: text, HTML raw/gzip, RSC, first view
  --soak                run the sustained mixed-traffic soak (issue 9) instead of the default sections
  --soak-seconds S      soak length (default 300)
  --email               send a newsletter to the primary's bench members (--readers of them,
                        default 10,000) through a local SMTP sink while premium readers load the
                        web (issue 17), instead of the default sections
  --import              import 100,000 members (quick: 10,000) with grants on PostgreSQL
                        (--database-url, else $DATABASE_URL or the local server) and the article
                        path's req/s during the import (issue 22), instead of the default sections
  --no-trace            do not record the server's SQL statements (bench/out/queries.log)
  -h, --help`;

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      connections: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      readers: { type: "string" },
      "database-url": { type: "string" },
      "no-nginx": { type: "boolean", default: false },
      "no-webhooks": { type: "boolean", default: false },
      "no-publications": { type: "boolean", default: false },
      only: { type: "string" },
      "no-trace": { type: "boolean", default: false },
      edge: { type: "boolean", default: false },
      weight: { type: "boolean", default: false },
      soak: { type: "boolean", default: false },
      "soak-seconds": { type: "string" },
      email: { type: "boolean", default: false },
      import: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const int = (raw: string | undefined, fallback: number, name: string, min = 1, max = 1_000_000) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer in [${min}, ${max}]`);
    return n;
  };
  const readers = int(values.readers, quick ? 1_000 : 10_000, "readers", 20, 100_000);
  return {
    quick,
    connections: int(values.connections, 24, "connections", 1, 256),
    durationSeconds: int(values.duration, quick ? 4 : 20, "duration", 1, 600),
    warmupSeconds: int(values.warmup, quick ? 2 : 5, "warmup", 0, 120),
    rounds: quick ? 2 : 4,
    idleSeconds: quick ? 6 : 11,
    members: Math.max(10_000, readers),
    pieces: 100,
    readers,
    readerConcurrency: 16,
    databaseUrl: values["database-url"] ?? process.env.BENCH_DATABASE_URL ?? null,
    nginx: !values["no-nginx"],
    webhooks: !values["no-webhooks"],
    publications: !values["no-publications"],
    only: values.only
      ? values.only
          .split(",")
          .map((k) => k.trim())
          .filter(Boolean)
      : null,
    edge: values.edge ?? false,
    weight: values.weight ?? false,
    soak: values.soak ?? false,
    soakSeconds: int(values["soak-seconds"], 300, "soak-seconds", 10, 3_600),
    email: values.email ?? false,
    importMembers: values.import ?? false,
    traceQueries: !values["no-trace"],
    distDir: ".next-bench",
    dataDir: ".data-bench",
    outDir: "bench/out",
  };
}
