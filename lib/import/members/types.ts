// Members and their paid access from another platform (issue 22): the shapes every step shares.

export const memberImportFormats = ["pmpro", "ghost", "substack", "csv"] as const;
export type MemberImportFormat = (typeof memberImportFormats)[number];

export const formatLabels: Record<MemberImportFormat, string> = {
  pmpro: "Paid Memberships Pro (WordPress) members list",
  ghost: "Ghost members export",
  substack: "Substack subscriber export",
  csv: "generic CSV (email, name, tier, starts_at, ends_at, newsletter, note)",
};

/** One membership a row of the file describes, in the source's own words (before mapping). */
export type SourceEntry = {
  line: number;
  email: string;
  name: string | null;
  // The source's level, plan or tier name (null: a free member). `levelKey` identifies it in the
  // grant's sourceRef, so a re-import finds the grant it made (e.g. PMPro's membership id).
  level: string | null;
  levelKey: string | null;
  // Other words the mapping may match (PMPro: the level's id as well as its name).
  levelAliases: string[];
  startsAt: Date | null;
  // `ends`: a date (the access ends then), lifetime, or unknown — the source gave no paid-through
  // date for a paid member (Ghost): --paid-until fills it, else the row is an error.
  ends: { kind: "at"; at: Date } | { kind: "lifetime" } | { kind: "unknown" };
  createdAt: Date | null;
  // Newsletter consent where the source has it; null: the import's default applies.
  newsletter: boolean | null;
  stripeCustomerId: string | null;
  // What the source says about the member, kept in the grant's note and the audit entry.
  note: string | null;
};

export type RowSkip = { line: number; kind: "deleted" | "deletion_request"; message: string };

/** A row read from a file: an entry (or several: a Ghost member with two tiers) or a skip. */
export type SourceRow = { entries: SourceEntry[]; skip?: RowSkip };

// Errors: the import refuses to write anything while one is left (the dry run lists them all).
const blocking = ["csv", "columns", "encoding", "unknown_level", "invalid_email", "invalid_date", "invalid_value", "missing_end"] as const;
// Skips and warnings: reported, the rest imports.
const notices = ["duplicate", "skipped_level", "deleted", "deletion_request", "stripe_conflict", "kept_higher", "kept_revoked"] as const;

export const issueKinds = [...blocking, ...notices] as const;
export type IssueKind = (typeof issueKinds)[number];

export const blockingKinds: readonly IssueKind[] = blocking;
// Row errors that --skip-invalid turns into skips (a broken file or an unmapped level never is).
export const skippableKinds: readonly IssueKind[] = ["invalid_email", "invalid_date", "invalid_value", "missing_end"];

export type ImportIssue = { line: number; kind: IssueKind; message: string };

/** A file that cannot be read at all (encoding, CSV syntax, header): nothing is imported. */
export class MemberFileError extends Error {
  constructor(
    readonly kind: "csv" | "columns" | "encoding",
    readonly line: number | null,
    message: string,
  ) {
    super(line ? `line ${line}: ${message}` : message);
    this.name = "MemberFileError";
  }
}

/** An option the caller passed that cannot be honoured (a mapping to no tier, a bad date). */
export class MemberImportOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MemberImportOptionError";
  }
}
