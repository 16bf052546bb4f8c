import type { TierRef } from "@/lib/access";
import type { ReaderCookie } from "./cookies";
import type { LoadResult } from "./load";
import type { BenchOptions } from "./options";
import type { Report } from "./report";
import type { EmailBench } from "./sections/email";
import type { ServerHandle } from "./server";

// One publication as the benchmark reads it: its gated bench piece and the sessions signed in on
// its host (claims' `sp` = its id). Requests select it by their Host header.
export type BenchPublication = {
  id: number;
  slug: string;
  // The Host header to send (with the server's port), or null for the server's own
  // (localhost:<port>, which is the primary's).
  host: string | null;
  tiers: TierRef[]; // this publication's tiers (ranks decide who may read the gated piece)
  gatedSlug: string;
  gatedPath: string;
  gatedTier: string;
  gatedMarker: string; // text only the gated part carries
  cookies: ReaderCookie[];
  byTier: Map<string, ReaderCookie[]>;
};

// What every section of the benchmark gets: the running server, the seeded readers and the
// shared report. Sections add their figures to `results` for later sections (ratios). The
// top-level piece and reader fields are the primary publication's (= publications[0]).
export type BenchContext = {
  opts: BenchOptions;
  report: Report;
  server: ServerHandle;
  traceFile: string | null;
  secret: string; // the server's AUTH_SECRET
  tiers: TierRef[]; // the primary publication's
  publicationId: number; // the primary publication
  gatedSlug: string;
  gatedPath: string;
  gatedTier: string;
  cookies: ReaderCookie[];
  byTier: Map<string, ReaderCookie[]>;
  // Every benchmarked publication, the primary first (then `data`, the demo's second one).
  publications: BenchPublication[];
  results: Map<string, LoadResult>;
  // `--email` only: the SMTP sink and the newsletter's audience (sections/email.ts).
  email?: EmailBench;
};
