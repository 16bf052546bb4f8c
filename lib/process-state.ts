// Process-wide state, in one place. Next runs proxy.ts and the server code (pages, route handlers,
// instrumentation) as separate bundles inside one Node process, each with its own copy of every
// module, so a module-level variable is not shared between them. What must be shared — tables the
// proxy reads without I/O, and what background tasks keep current — lives on one record on
// globalThis, typed here; each slot says who writes it and who reads it.
//
// A slot is created on first use (`processSlot(name, init)`) by the module that owns it; nothing
// else keeps process-wide mutable state, with two kinds of exception, each named where it lives:
// - lib/cache/handler.mjs (Next imports it directly, outside the app bundle, so it cannot import
//   this TypeScript module) keeps the shared cache and the tag-broadcast hook on symbols of its
//   own, "masthead.sharedCache" and "masthead.cacheTagBroadcast"; lib/cache/tag-broadcast.ts
//   reads them under the same names.
import type { DbHandle } from "../db/client";
import type { EpochState } from "./auth/epochs";
import type { EmailWorkerSlot } from "./email/runner";
import type { PortOneSlot } from "./billing/portone/runtime";
import type { RemintFlights, VerifiedSessions } from "./auth/proxy-session";
import type { RedirectTables } from "./import/redirects";
import type { PublicationsSlot } from "./publications/table";
import type { KnownArticles } from "./routing/known-articles";
import type { PublishClock } from "./studio/publish-clock";
import type { RateLimiter } from "./rate-limit/limiter";
import type { RateLimitSettings } from "./rate-limit/settings";
import type { RequestHook } from "./http/request-hooks";
import type { WaitingStarts } from "./background/retry";

type LimiterSlot = { limiter: RateLimiter; settings: RateLimitSettings };

export interface ProcessSlots {
  /** Publications by id, slug and hostname: lib/publications/table-loader (start, NOTIFY) → proxy,
   *  route handlers (lib/publications/table.ts). */
  publications: PublicationsSlot;
  /** Legacy (WordPress) redirects per publication: lib/import/redirect-table (start, imports) → proxy. */
  redirectTables: RedirectTables;
  /** Piece slugs that exist: lib/routing/known-articles-loader (start, content NOTIFY) → proxy. */
  knownArticles: KnownArticles;
  /** Latest access epoch per member and since when all changes are known: the access listener
   *  and local writes → proxy, /api/me (lib/auth/epochs.ts). */
  accessEpochs: EpochState;
  /** Verified session claims per cookie value: proxy and /api/me (lib/auth/proxy-session.ts). */
  verifiedSessions: VerifiedSessions;
  /** Session re-mints in flight or just done, per stale cookie value: proxy. */
  remintFlights: RemintFlights;
  /** This instance's email worker (lib/email/runner.ts): started by instrumentation, woken by
   *  studio actions and notices queued in route handlers. */
  emailWorker: EmailWorkerSlot;
  /** PortOne's local stand-in (no PORTONE_API_SECRET) and this instance's renewal job
   *  (lib/billing/portone/runtime.ts, runner.ts): started on first use / by instrumentation. */
  portone: PortOneSlot;
  /** The database handle, opened once (PGlite allows one instance per data directory): db/client.ts,
   *  removed again when opening fails or on closeDb(). */
  db: Promise<DbHandle>;
  /** Statements this process has sent (drizzle's logger hook, db/client.ts) → the bench's
   *  "no query on the article path" check. */
  queryCount: number;
  /** AUTH_SECRET, or the one generated into the data directory: lib/auth/secret.ts. */
  authSecret: string;
  /** The key of the mh_edge cookie (EDGE_SECRET or derived from the auth secret): lib/edge/settings.ts. */
  edgeKey: string;
  /** The hooks run on every Node request before Next sees it (peer address, edge bodies), and
   *  the sign that http.Server.prototype.emit is patched to run them: lib/http/request-hooks.ts. */
  requestHooks: Map<string, RequestHook>;
  /** The rate limiter of route handlers, pages and actions (Redis, else the database, else memory):
   *  lib/rate-limit/index.ts; one Redis connection per process. */
  rateLimiter: LimiterSlot;
  /** The proxy's rate limiter (Redis, else memory; never the database): lib/rate-limit/proxy-limiter.ts. */
  proxyRateLimiter: LimiterSlot;
  /** This process's id in content NOTIFY payloads, so an instance ignores its own announcements:
   *  lib/studio/content-events.ts. */
  contentOrigin: string;
  /** The publish clock's timer, the instant it has looked up to, and the per-process secret of its
   *  loopback revalidation call: lib/studio/publish-clock.ts. */
  publishClock: PublishClock;
  /** Background starts waiting out a backoff after a failed attempt (the database was down): their
   *  "try now" functions, run by the health check and the proxy's "starting" answer
   *  (lib/background/retry.ts). */
  waitingStarts: WaitingStarts;
}

const ROOT = Symbol.for("masthead.processState");

function root(): Partial<ProcessSlots> {
  const g = globalThis as { [ROOT]?: Partial<ProcessSlots> };
  g[ROOT] ??= {};
  return g[ROOT];
}

export function processSlot<K extends keyof ProcessSlots>(name: K, init: () => ProcessSlots[K]): ProcessSlots[K] {
  const r = root();
  return (r[name] ??= init()) as ProcessSlots[K];
}

/** A slot's value, or undefined while nobody has filled it. */
export function peekProcessSlot<K extends keyof ProcessSlots>(name: K): ProcessSlots[K] | undefined {
  return root()[name];
}

/** Empties a slot, so the next `processSlot` call fills it again (a failed or closed database). */
export function clearProcessSlot(name: keyof ProcessSlots): void {
  delete root()[name];
}

/** Replaces a slot's value (a table swapped whole after a reload). */
export function setProcessSlot<K extends keyof ProcessSlots>(name: K, value: ProcessSlots[K]): void {
  root()[name] = value;
}
