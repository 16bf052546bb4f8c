// Process-wide state, in one place. Next runs proxy.ts and the server code (pages, route handlers,
// instrumentation) as separate bundles inside one Node process, each with its own copy of every
// module, so a module-level variable is not shared between them. What must be shared — tables the
// proxy reads without I/O, and what background tasks keep current — lives on one record on
// globalThis, typed here; each slot says who writes it and who reads it.
//
// A slot is created on first use (`processSlot(name, init)`) by the module that owns it; nothing
// else keeps process-wide mutable state.
import type { EpochState } from "./auth/epochs";
import type { EmailWorkerSlot } from "./email/runner";
import type { PortOneSlot } from "./billing/portone/runtime";
import type { RemintFlights, VerifiedSessions } from "./auth/proxy-session";
import type { RedirectTables } from "./import/redirects";
import type { PublicationsSlot } from "./publications/table";
import type { KnownArticles } from "./routing/known-articles";

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

/** Replaces a slot's value (a table swapped whole after a reload). */
export function setProcessSlot<K extends keyof ProcessSlots>(name: K, value: ProcessSlots[K]): void {
  root()[name] = value;
}
