import { MemberFileError } from "./types";

// Bytes → text, a chunk at a time (a 50 MB export is never held whole). UTF-8 is the default, with
// or without the BOM Excel's "CSV UTF-8" writes. Korean Excel's plain "CSV" is saved in CP949
// (Windows' superset of EUC-KR): read as UTF-8 it would turn every Korean name into garbage, so a
// file that is not valid UTF-8 but reads as Korean CP949 stops with an error naming the fix (save it
// as "CSV UTF-8", or pass encoding cp949 to decode it as such).

export const fileEncodings = ["utf-8", "cp949"] as const;
export type FileEncoding = (typeof fileEncodings)[number];

const HANGUL = /[\uac00-\ud7a3]/;

function looksLikeCp949(bytes: Uint8Array): boolean {
  // A chunk may end inside a two-byte character: try it whole and one byte shorter.
  for (const end of [bytes.length, bytes.length - 1]) {
    try {
      return HANGUL.test(new TextDecoder("euc-kr", { fatal: true }).decode(bytes.subarray(0, Math.max(0, end))));
    } catch {
      // not CP949 either
    }
  }
  return false;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export async function* decodeBytes(chunks: AsyncIterable<Uint8Array>, encoding: FileEncoding = "utf-8"): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let line = 1;
  for await (const chunk of chunks) {
    if (!chunk.length) continue;
    if (!decoder) {
      if (startsWith(chunk, [0xff, 0xfe]) || startsWith(chunk, [0xfe, 0xff])) {
        throw new MemberFileError("encoding", null, 'the file is UTF-16 (Excel\'s "Unicode Text"): save it as "CSV UTF-8" and try again');
      }
      // A UTF-8 BOM settles the question whatever the caller said.
      const utf8 = encoding === "utf-8" || startsWith(chunk, [0xef, 0xbb, 0xbf]);
      decoder = new TextDecoder(utf8 ? "utf-8" : "euc-kr", { fatal: true });
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      if (decoder.encoding === "utf-8" && looksLikeCp949(chunk)) {
        throw new MemberFileError(
          "encoding",
          line,
          'the file is not UTF-8: it looks like CP949 (EUC-KR), what Korean Excel saves as "CSV". Save it as "CSV UTF-8 (쉼표로 분리)", or import it with encoding cp949',
        );
      }
      throw new MemberFileError("encoding", line, `the file is not valid ${decoder.encoding === "utf-8" ? "UTF-8" : "CP949"} text`);
    }
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) line++;
    if (text) yield text;
  }
  if (decoder) {
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      throw new MemberFileError("encoding", line, "the file ends in the middle of a character");
    }
    if (rest) yield rest;
  }
}
