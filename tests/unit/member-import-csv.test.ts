import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsvRecords, sniffDelimiter, type CsvRecord } from "@/lib/import/members/csv";
import { decodeBytes } from "@/lib/import/members/decode";
import { MemberFileError } from "@/lib/import/members/types";

async function* chunks<T>(parts: readonly T[]): AsyncGenerator<T> {
  for (const p of parts) yield p;
}

async function records(text: string | string[]): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of readCsvRecords(chunks(typeof text === "string" ? [text] : text))) out.push(r);
  return out;
}

async function decoded(bytes: Uint8Array[], encoding: "utf-8" | "cp949" = "utf-8"): Promise<string> {
  let out = "";
  for await (const s of decodeBytes(chunks(bytes), encoding)) out += s;
  return out;
}

const quote = (v: string) => (/[",\r\n]/.test(v) || v === "" ? `"${v.replaceAll('"', '""')}"` : v);

describe("CSV records", () => {
  it("reads quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF, and the line each record starts on", async () => {
    const text = 'email,name,note\r\na@x.kr,"김, 민수","첫 줄\r\n둘째 줄"\r\nb@x.kr,"O""Neil",\r\n\r\nc@x.kr,박,끝';
    expect(await records(text)).toEqual([
      { fields: ["email", "name", "note"], line: 1 },
      { fields: ["a@x.kr", "김, 민수", "첫 줄\r\n둘째 줄"], line: 2 },
      { fields: ["b@x.kr", 'O"Neil', ""], line: 4 },
      { fields: ["c@x.kr", "박", "끝"], line: 6 },
    ]);
  });

  it("gives the same records however the text is cut into chunks", async () => {
    const text = 'a,b\n"x\ny","z""q"\n1,2\n';
    const whole = await records(text);
    expect(await records([...text])).toEqual(whole);
    expect(await records([text.slice(0, 5), text.slice(5, 6), text.slice(6)])).toEqual(whole);
  });

  it("property: any table written as RFC 4180 reads back cell for cell, in any chunking", async () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "한", ",", '"', "\n", "\r\n", " ", "z"), maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 4 })
          .chain((w) =>
            fc.tuple(
              fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 5 }),
              fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1 }),
            ),
          ),
        async ([table, cuts]) => {
          const text = table.map((row) => row.map(quote).join(",")).join("\r\n");
          const parts: string[] = [];
          for (let i = 0, k = 0; i < text.length; k++) {
            const n = cuts[k % cuts.length];
            parts.push(text.slice(i, i + n));
            i += n;
          }
          expect((await records(parts)).map((r) => r.fields)).toEqual(table);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a quote that never closes, or text after a closing quote, stops with the line", async () => {
    await expect(records('a,b\n1,2\n3,"open\n4,5\n')).rejects.toThrow(/line 3: a quoted field starting here never closes/);
    await expect(records('a,b\n"O\\"Neil",2\n')).rejects.toThrow(MemberFileError);
    await expect(records('a,b\n"O\\"Neil",2\n')).rejects.toThrow(/line 2: unexpected "N" after a closing quote/);
    await expect(records(`a\n"${"x".repeat(100_001)}`)).rejects.toThrow(/runs past 100,000 characters/);
  });

  it("takes the header's delimiter: semicolons and tabs from European and spreadsheet exports", async () => {
    expect(sniffDelimiter("email;name;tier")).toBe(";");
    expect(sniffDelimiter("email\tname")).toBe("\t");
    expect(sniffDelimiter("email")).toBe(",");
    expect((await records('email;name\na@x.kr;"Kim; M"\n')).map((r) => r.fields)).toEqual([
      ["email", "name"],
      ["a@x.kr", "Kim; M"],
    ]);
  });
});

describe("decoding", () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  // "김민수" in CP949 (EUC-KR), as Korean Excel saves a plain CSV.
  const cp949 = new Uint8Array([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xb1, 0xe8, 0xb9, 0xce, 0xbc, 0xf6, 0x0a]);

  it("strips a UTF-8 BOM and joins characters split across chunks", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("이름\n김민수\n")]);
    expect(await decoded([bytes.subarray(0, 4), bytes.subarray(4, 8), bytes.subarray(8)])).toBe("이름\n김민수\n");
  });

  it("flags a CP949 file clearly, and decodes it when asked to", async () => {
    await expect(decoded([cp949])).rejects.toThrow(/looks like CP949 \(EUC-KR\).*CSV UTF-8/);
    expect(await decoded([cp949.subarray(0, 7), cp949.subarray(7)], "cp949")).toBe("email\n김민수\n");
    // A UTF-8 BOM wins over a wrong cp949 choice.
    expect(await decoded([new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("김")])], "cp949")).toBe("김");
  });

  it("refuses UTF-16 and bytes that are neither, with the line", async () => {
    await expect(decoded([new Uint8Array([0xff, 0xfe, 0x41, 0x00])])).rejects.toThrow(/UTF-16/);
    await expect(decoded([utf8("a\nb\n"), new Uint8Array([0xff, 0xff, 0x0a])])).rejects.toThrow(/line 3: the file is not valid UTF-8/);
  });
});
