import type { LevelResolver, TierTarget } from "./mapping";
import { levelLabel } from "./mapping";
import type { ImportIssue, MemberImportFormat, SourceEntry } from "./types";

// The first, database-free look at each entry, in file order: duplicates, the level's tier, the
// end of access. What it remembers about the file (addresses and levels seen, Stripe customers
// claimed) spans batches, so an entry's outcome never depends on where a batch boundary fell — the
// dry run and the real run, batched alike, agree.

export type Candidate = {
  entry: SourceEntry;
  target: Extract<TierTarget, { kind: "tier" | "free" }>;
  // The member's first entry in the file carries the member's own fields (name, consent, Stripe).
  first: boolean;
  // Null: lifetime.
  endsAt: Date | null;
  // How the grant is found again on a re-import (null for a free member).
  sourceRef: string | null;
  // After the in-file check: null when another address of the file claimed it first.
  stripeCustomerId: string | null;
};

export type ScreenContext = { format: MemberImportFormat; publicationId: number; resolver: LevelResolver; paidUntil: Date | null };

export type ScreenResult = { candidate: Candidate | null; issue: ImportIssue | null; level: { label: string; target: string | null } };

/** The grant's sourceRef prefix for a member's entries from this source in this publication. */
export const sourceRefPrefix = (format: MemberImportFormat, publicationId: number, email: string) => `${format}:${publicationId}:${email}:`;

// cyrb53 (public domain): a fast 53-bit string hash. FileMemory keeps numbers, not addresses, so
// a 50 MB file's memory stays a few bytes per row. Two keys collide with odds of about
// rows² / 2^54 (10⁻⁵ for 500,000 rows); the cost of one would be a row reported as a duplicate.
export function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export class FileMemory {
  // By hash53: the addresses seen, and the first line of each (address, level).
  private readonly seenEmails = new Set<number>();
  private readonly entryLine = new Map<number, number>();
  // Few rows carry one: kept as they are.
  private readonly stripeOwner = new Map<string, string>();

  screen(entry: SourceEntry, ctx: ScreenContext): ScreenResult {
    const target = ctx.resolver.resolve(entry);
    const label = levelLabel(entry);
    const level = { label, target: target ? (target.kind === "tier" ? target.slug : target.kind) : null };
    const fail = (issue: Omit<ImportIssue, "line">): ScreenResult => ({ candidate: null, issue: { line: entry.line, ...issue }, level });
    if (!target) return fail({ kind: "unknown_level", message: `level "${label}" maps to no tier: map it (e.g. --map "${label}=<tier>", or =free, or =skip)` });
    const key = hash53(`${entry.email}\u0000${entry.levelKey ?? ""}`);
    const seen = this.entryLine.get(key);
    if (seen !== undefined) return fail({ kind: "duplicate", message: `${entry.email}${entry.level ? ` (${label})` : ""} already on line ${seen}: skipped` });
    if (target.kind === "skip") {
      this.entryLine.set(key, entry.line);
      return fail({ kind: "skipped_level", message: `level "${label}" is mapped to skip` });
    }
    let endsAt: Date | null = null;
    if (target.kind === "tier") {
      if (entry.ends.kind === "at") endsAt = entry.ends.at;
      else if (entry.ends.kind === "unknown") {
        if (!ctx.paidUntil)
          return fail({ kind: "missing_end", message: `a paying member (${label}) without a paid-through date in the export: pass --paid-until YYYY-MM-DD` });
        endsAt = ctx.paidUntil;
      }
    }
    this.entryLine.set(key, entry.line);
    const emailKey = hash53(entry.email);
    const first = !this.seenEmails.has(emailKey);
    if (first) this.seenEmails.add(emailKey);
    let stripeCustomerId: string | null = null;
    let issue: ImportIssue | null = null;
    if (first && entry.stripeCustomerId) {
      const owner = this.stripeOwner.get(entry.stripeCustomerId);
      if (owner && owner !== entry.email) {
        issue = {
          line: entry.line,
          kind: "stripe_conflict",
          message: `Stripe customer ${entry.stripeCustomerId} is already ${owner}'s in this file: not attached`,
        };
      } else {
        this.stripeOwner.set(entry.stripeCustomerId, entry.email);
        stripeCustomerId = entry.stripeCustomerId;
      }
    }
    const sourceRef = target.kind === "tier" ? `${sourceRefPrefix(ctx.format, ctx.publicationId, entry.email)}${entry.levelKey ?? ""}` : null;
    return { candidate: { entry, target, first, endsAt, sourceRef, stripeCustomerId }, issue, level };
  }
}
