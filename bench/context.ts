import type { TierRef } from "@/lib/access";
import type { ReaderCookie } from "./cookies";
import type { LoadResult } from "./load";
import type { BenchOptions } from "./options";
import type { Report } from "./report";
import type { ServerHandle } from "./server";

// What every section of the benchmark gets: the running server, the seeded readers and the
// shared report. Sections add their figures to `results` for later sections (ratios).
export type BenchContext = {
  opts: BenchOptions;
  report: Report;
  server: ServerHandle;
  traceFile: string | null;
  secret: string; // the server's AUTH_SECRET
  tiers: TierRef[];
  publicationId: number; // the primary publication, which the benchmark reads
  gatedSlug: string;
  gatedPath: string;
  gatedTier: string;
  cookies: ReaderCookie[];
  byTier: Map<string, ReaderCookie[]>;
  results: Map<string, LoadResult>;
};
