import type { Decision } from "./planner";
import { blockingKinds, type ImportIssue, type IssueKind, type MemberImportFormat } from "./types";

// The report a dry run and a real run both produce: the same numbers for the same file and the
// same database. Issues carry their line; the list keeps the first MAX_LISTED, the counts all.

export const MAX_LISTED_ISSUES = 500;

export type LevelRow = { level: string; rows: number; target: string | null };

export type MemberImportReport = {
  format: MemberImportFormat;
  publication: string;
  dryRun: boolean;
  // True once the rows were written (a dry run, or a file with errors, writes nothing).
  applied: boolean;
  rows: number;
  members: { created: number; updated: number; unchanged: number };
  // Accounts made at the publication (an existing account keeps its newsletter choice), and how
  // many of them get the newsletter.
  accounts: { created: number; newsletter: number };
  // history: ended grants kept for memberships that expired before the import (no access).
  grants: { created: number; history: number; updated: number; unchanged: number; covered: number; kept: number };
  stripeCustomers: number;
  // Rows not imported: duplicates, levels mapped to skip, deleted members, and with skipInvalid
  // the rows with errors.
  skipped: number;
  errors: number;
  levels: LevelRow[];
  issues: ImportIssue[];
  issueCounts: Partial<Record<IssueKind, number>>;
};

export function emptyReport(format: MemberImportFormat, publication: string, dryRun: boolean): MemberImportReport {
  return {
    format,
    publication,
    dryRun,
    applied: false,
    rows: 0,
    members: { created: 0, updated: 0, unchanged: 0 },
    accounts: { created: 0, newsletter: 0 },
    grants: { created: 0, history: 0, updated: 0, unchanged: 0, covered: 0, kept: 0 },
    stripeCustomers: 0,
    skipped: 0,
    errors: 0,
    levels: [],
    issues: [],
    issueCounts: {},
  };
}

export class ReportBuilder {
  readonly report: MemberImportReport;
  private readonly levels = new Map<string, LevelRow>();

  constructor(format: MemberImportFormat, publication: string, dryRun: boolean) {
    this.report = emptyReport(format, publication, dryRun);
  }

  // `skipRow`: the issue's row is not imported (counted once per row); `waived`: an error that
  // skipInvalid turned into a skip.
  issue(issue: ImportIssue, opts: { skipRow?: boolean; waived?: boolean } = {}): void {
    const r = this.report;
    r.issueCounts[issue.kind] = (r.issueCounts[issue.kind] ?? 0) + 1;
    if (r.issues.length < MAX_LISTED_ISSUES) r.issues.push(issue);
    if (opts.skipRow) r.skipped++;
    if (!opts.waived && blockingKinds.includes(issue.kind)) r.errors++;
  }

  level(label: string, target: string | null): void {
    const row = this.levels.get(label) ?? { level: label, rows: 0, target };
    row.rows++;
    this.levels.set(label, row);
  }

  decision(d: Decision): void {
    const r = this.report;
    if (d.member) r.members[d.member === "create" ? "created" : d.member === "update" ? "updated" : "unchanged"]++;
    if (d.account) {
      r.accounts.created++;
      if (d.account.newsletter) r.accounts.newsletter++;
    }
    if (d.fill.stripeCustomerId) r.stripeCustomers++;
    const g = d.grant;
    if (g?.kind === "create") r.grants[g.history ? "history" : "created"]++;
    else if (g?.kind === "update") r.grants.updated++;
    else if (g?.kind === "unchanged") r.grants.unchanged++;
    else if (g?.kind === "covered") r.grants.covered++;
    else if (g?.kind === "kept") r.grants.kept++;
    for (const issue of d.issues) this.issue(issue);
  }

  finish(): MemberImportReport {
    this.report.levels = [...this.levels.values()].sort((a, b) => b.rows - a.rows || a.level.localeCompare(b.level));
    this.report.issues.sort((a, b) => a.line - b.line);
    return this.report;
  }
}

const n = (x: number) => x.toLocaleString("en");

/** The report in lines, for the CLI. */
export function describeMemberReport(r: MemberImportReport): string[] {
  const head = r.errors ? `${n(r.errors)} error(s): nothing was imported` : r.applied ? "imported" : "dry run: nothing was written";
  const lines = [
    `${r.format} → ${r.publication}: ${n(r.rows)} row(s) — ${head}`,
    `members: ${n(r.members.created)} created, ${n(r.members.updated)} updated, ${n(r.members.unchanged)} unchanged; accounts: ${n(r.accounts.created)} new (${n(r.accounts.newsletter)} with the newsletter)`,
    `grants: ${n(r.grants.created)} created, ${n(r.grants.history)} expired (kept as history), ${n(r.grants.updated)} extended, ${n(r.grants.unchanged)} unchanged, ${n(r.grants.covered)} already covered, ${n(r.grants.kept)} kept (the file says less)`,
    `Stripe customers attached: ${n(r.stripeCustomers)}; rows skipped: ${n(r.skipped)}`,
  ];
  if (r.levels.length) lines.push(`levels: ${r.levels.map((l) => `${l.level} (${n(l.rows)}) → ${l.target ?? "UNMAPPED"}`).join(", ")}`);
  const counts = Object.entries(r.issueCounts).map(([k, v]) => `${k} ${n(v ?? 0)}`);
  if (counts.length)
    lines.push(
      `issues: ${counts.join(", ")}${r.issues.length < Object.values(r.issueCounts).reduce((a, b) => a + (b ?? 0), 0) ? ` (first ${r.issues.length} listed)` : ""}`,
    );
  for (const issue of r.issues) lines.push(`  line ${issue.line}: [${issue.kind}] ${issue.message}`);
  return lines;
}
