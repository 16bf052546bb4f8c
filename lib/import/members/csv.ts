import { MemberFileError } from "./types";

// A streaming RFC 4180 reader: records come out as the text comes in, each with the line it starts
// on (a quoted field may span lines). Strict where a lenient reader would silently shift columns: a
// character after a closing quote, a quote that never closes, or a runaway field is an error with
// its line. No dependency: the line numbers and these errors are the point, and the format is small.

export type CsvRecord = { fields: string[]; line: number };

// A field longer than this is a missing quote swallowing the rest of the file, not a member.
export const MAX_FIELD_CHARS = 100_000;

const QUOTE = 34;
const LF = 10;
const CR = 13;

type State = "start" | "unquoted" | "quoted" | "quote_seen";

/** The delimiter of the header line: comma unless the line has more semicolons or tabs. */
export function sniffDelimiter(firstLine: string): string {
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const [best] = [",", ";", "\t"].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ",";
}

export async function* readCsvRecords(text: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let delim = -1;
  let state: State = "start";
  let field = "";
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  const endField = () => {
    fields.push(field);
    field = "";
  };
  const tooLong = () => {
    throw new MemberFileError(
      "csv",
      quoteLine,
      `a quoted field starting here runs past ${MAX_FIELD_CHARS.toLocaleString("en")} characters: a closing quote (") is probably missing`,
    );
  };
  for await (const chunk of text) {
    if (delim === -1) {
      const eol = chunk.indexOf("\n");
      delim = sniffDelimiter(eol === -1 ? chunk : chunk.slice(0, eol)).charCodeAt(0);
    }
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (state === "quoted") {
        const q = chunk.indexOf('"', i);
        const part = q === -1 ? chunk.slice(i) : chunk.slice(i, q);
        for (let j = part.indexOf("\n"); j !== -1; j = part.indexOf("\n", j + 1)) line++;
        field += part;
        if (field.length > MAX_FIELD_CHARS) tooLong();
        if (q === -1) break;
        state = "quote_seen";
        i = q + 1;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (state === "quote_seen") {
        if (c === QUOTE) {
          field += '"';
          state = "quoted";
        } else if (c === delim) {
          endField();
          state = "start";
        } else if (c === LF) {
          endField();
          yield { fields, line: recordLine };
          fields = [];
          line++;
          recordLine = line;
          state = "start";
        } else if (c !== CR) {
          throw new MemberFileError("csv", line, `unexpected ${JSON.stringify(chunk[i])} after a closing quote (a quote inside a quoted field is written "")`);
        }
        i++;
        continue;
      }
      // start or unquoted: take the run of plain characters in one slice.
      if (state === "start" && c === QUOTE) {
        state = "quoted";
        quoteLine = line;
        i++;
        continue;
      }
      let j = i;
      while (j < n) {
        const d = chunk.charCodeAt(j);
        if (d === delim || d === LF || d === CR) break;
        j++;
      }
      if (j > i) {
        field += chunk.slice(i, j);
        state = "unquoted";
        if (field.length > MAX_FIELD_CHARS) throw new MemberFileError("csv", line, `a field runs past ${MAX_FIELD_CHARS.toLocaleString("en")} characters`);
      }
      if (j === n) break;
      const d = chunk.charCodeAt(j);
      if (d === delim) {
        endField();
        state = "start";
      } else if (d === LF) {
        // A blank line is no record (a line holding "" is one empty field).
        const blank = state === "start" && fields.length === 0;
        endField();
        if (!blank) yield { fields, line: recordLine };
        fields = [];
        line++;
        recordLine = line;
        state = "start";
      }
      i = j + 1;
    }
  }
  if (state === "quoted") throw new MemberFileError("csv", quoteLine, 'a quoted field starting here never closes: a closing quote (") is missing');
  if (state !== "start" || fields.length) {
    endField();
    yield { fields, line: recordLine };
  }
}
