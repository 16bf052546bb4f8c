import { endOfAccess, isNoDate, parseDateCell, type ParsedDate } from "../dates";
import type { ImportIssue, RowSkip, SourceEntry, SourceRow } from "../types";

// What a format reader gets: a cell by (lower-case) column name, the line, the time zone.
export type Cells = { get: (column: string) => string; has: (column: string) => boolean; line: number };
export type ReadContext = { timeZone: string };
export type ReadResult = SourceRow & { issues: ImportIssue[] };

export type FormatReader = {
  // Column names (lower-case) the header must have; `anyOf`: at least one of each group.
  required: string[];
  anyOf?: string[][];
  read: (cells: Cells, ctx: ReadContext) => ReadResult;
};

/** Reads date and yes/no cells, collecting an issue per bad one (with the column it came from). */
export class CellReader {
  readonly issues: ImportIssue[] = [];
  constructor(
    private readonly cells: Cells,
    private readonly ctx: ReadContext,
    private readonly mdy = false,
  ) {}

  /** The row left out on purpose (a deleted member, a deletion request): listed, not an error. */
  skip(kind: RowSkip["kind"], message: string): ReadResult {
    return { entries: [], skip: { line: this.cells.line, kind, message }, issues: this.issues };
  }

  /** The row's entry before the format fills it in: its line and email, the name if given. */
  entry(name: string | null = null): SourceEntry {
    return baseEntry(this.cells, this.cells.get("email"), name);
  }

  /** An instant, null when empty ("N/A", "Never"…), undefined (and an issue) when not a date. */
  instant(column: string): Date | null | undefined {
    const parsed = this.date(column);
    return parsed ? parsed.at : parsed;
  }

  /** The end of access an expiry cell names (the end of that day for a date alone). */
  end(column: string): Date | null | undefined {
    const parsed = this.date(column);
    return parsed ? endOfAccess(parsed, this.ctx.timeZone) : parsed;
  }

  /** A yes/no cell: null when empty, undefined (and an issue) when it says neither. */
  flag(column: string, words = "true nor false"): boolean | null | undefined {
    const raw = this.cells.get(column);
    const value = readBoolean(raw);
    if (value === undefined)
      this.issues.push({ line: this.cells.line, kind: "invalid_value", message: `${column}: "${raw.slice(0, 20)}" is neither ${words}` });
    return value;
  }

  private date(column: string): ParsedDate | null | undefined {
    const raw = this.cells.get(column);
    if (isNoDate(raw)) return null;
    const parsed = parseDateCell(raw, this.ctx.timeZone, { mdy: this.mdy });
    if (parsed) return parsed;
    this.issues.push({
      line: this.cells.line,
      kind: "invalid_date",
      message: `${column}: "${raw.slice(0, 40)}" is not a date (use YYYY-MM-DD or an ISO 8601 date-time)`,
    });
    return undefined;
  }
}

const TRUE = new Set(["true", "yes", "y", "1", "on", "subscribed", "예", "동의"]);
const FALSE = new Set(["false", "no", "n", "0", "off", "unsubscribed", "아니오", "거부"]);

/** A yes/no cell: null when empty, undefined when it says neither. */
export function readBoolean(raw: string): boolean | null | undefined {
  const v = raw.trim().toLowerCase();
  if (!v) return null;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return undefined;
}

const HANGUL = /^[\uac00-\ud7a3\s]+$/;

/** A display name from first and last names; Korean names read family name first, unspaced. */
export function personName(first: string, last: string): string | null {
  const f = first.trim();
  const l = last.trim();
  if (!f || !l) return f || l || null;
  return HANGUL.test(f) && HANGUL.test(l) ? `${l}${f}` : `${f} ${l}`;
}

export const blankToNull = (v: string): string | null => v.trim() || null;

function baseEntry(cells: Cells, email: string, name: string | null): SourceEntry {
  return {
    line: cells.line,
    email,
    name,
    level: null,
    levelKey: null,
    levelAliases: [],
    startsAt: null,
    ends: { kind: "lifetime" },
    createdAt: null,
    newsletter: null,
    stripeCustomerId: null,
    note: null,
  };
}
