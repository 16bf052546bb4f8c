import { normalizeEmail } from "@/db/queries/members";
import { emailSchema } from "@/lib/auth/email";
import { readCsvRecords } from "./csv";
import { decodeBytes, type FileEncoding } from "./decode";
import { formatReaders, missingColumns, normalizeHeader } from "./formats";
import type { Cells } from "./formats/shared";
import { formatLabels, MemberFileError, type ImportIssue, type MemberImportFormat, type RowSkip, type SourceEntry } from "./types";

// File → rows of entries, streamed: bytes are decoded, split into CSV records and read by the
// format's reader one record at a time. Addresses are checked here with the sign-in form's own
// rule (an address nobody could sign in with is no account) and normalised as members store them.

export type ReadRow = { line: number; entries: SourceEntry[]; issues: ImportIssue[]; skip?: RowSkip };
export type SourceOptions = { format: MemberImportFormat; encoding: FileEncoding; timeZone: string };

/** Counts the bytes that pass, for a progress bar over a file of known size. */
export async function* countingBytes(chunks: AsyncIterable<Uint8Array>, onBytes: (total: number) => void): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    yield chunk;
    onBytes(total);
  }
}

function checkEmail(entry: SourceEntry): ImportIssue | null {
  const raw = entry.email.trim();
  if (!raw) return { line: entry.line, kind: "invalid_email", message: "no email address" };
  const parsed = emailSchema.safeParse(raw.normalize("NFC"));
  if (!parsed.success) return { line: entry.line, kind: "invalid_email", message: `"${raw.slice(0, 80)}" is not an email address members can sign in with` };
  entry.email = normalizeEmail(parsed.data);
  return null;
}

export async function* readSourceRows(bytes: AsyncIterable<Uint8Array>, opts: SourceOptions): AsyncGenerator<ReadRow> {
  const reader = formatReaders[opts.format];
  let header: string[] | null = null;
  let index = new Map<string, number>();
  for await (const record of readCsvRecords(decodeBytes(bytes, opts.encoding))) {
    if (!header) {
      header = record.fields.map(normalizeHeader);
      const missing = missingColumns(opts.format, header);
      if (missing) {
        throw new MemberFileError(
          "columns",
          record.line,
          `the header has no ${missing} column: is this a ${formatLabels[opts.format]}? (columns found: ${header.slice(0, 12).join(", ") || "none"})`,
        );
      }
      index = new Map(header.map((name, i) => [name, i] as const).reverse());
      continue;
    }
    const { fields, line } = record;
    // More cells than columns: an unquoted comma shifted the row (fewer: trailing blanks left out).
    if (fields.length > header.length) {
      yield {
        line,
        entries: [],
        issues: [{ line, kind: "csv", message: `${fields.length} cells where the header has ${header.length} columns (a comma inside an unquoted value?)` }],
      };
      continue;
    }
    const cells: Cells = {
      line,
      get: (column) => {
        const i = index.get(column);
        return i === undefined ? "" : (fields[i] ?? "");
      },
      has: (column) => index.has(column),
    };
    const result = reader.read(cells, { timeZone: opts.timeZone });
    const issues = [...result.issues];
    const entries: SourceEntry[] = [];
    const bad = result.entries.length ? checkEmail(result.entries[0]) : null;
    if (bad) issues.push(bad);
    else for (const e of result.entries) entries.push({ ...e, email: result.entries[0].email });
    yield { line, entries: issues.length ? [] : entries, issues, skip: result.skip };
  }
  if (!header) throw new MemberFileError("columns", null, "the file is empty: no header row");
}
