// Korean titles → readable ASCII slugs (issue 20 item 11), by the Revised Romanization of Korean
// (the national standard, the one road signs and passports use), syllable by syllable from the
// Unicode decomposition, with the one sound change that matters most for reading: a final
// consonant before a silent ㅇ moves to the next syllable (한국어 → hangugeo). Pure.
//
// Why romanize rather than keep Hangul in the URL: article slugs stay ASCII, so the proxy, the
// nginx cache keys, the per-tier render paths and the redirect table need no change, and a link
// pasted into a messenger or an email stays short instead of turning into %EB%B0%98… WordPress's
// percent-encoded Korean URLs keep working through the import's redirect table.

const INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
const MEDIALS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"];
// Word-final sounds of the 27 final consonants (index 0: none).
const FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];
// A simple final before a silent ㅇ is read as the next syllable's initial (none for clusters).
const LINKED: Record<number, string> = {
  1: "g",
  2: "kk",
  4: "n",
  7: "d",
  8: "r",
  16: "m",
  17: "b",
  19: "s",
  20: "ss",
  22: "j",
  23: "ch",
  24: "k",
  25: "t",
  26: "p",
};

const FIRST = 0xac00;
const LAST = 0xd7a3;
const SILENT_INITIAL = 11;
const RIEUL_FINAL = 8;
const RIEUL_INITIAL = 5;

type Syllable = { initial: number; medial: number; final: number };

function decompose(ch: string): Syllable | null {
  const code = ch.codePointAt(0) ?? 0;
  if (code < FIRST || code > LAST) return null;
  const offset = code - FIRST;
  return { initial: Math.floor(offset / 588), medial: Math.floor((offset % 588) / 28), final: offset % 28 };
}

export function romanizeKorean(text: string): string {
  const chars = [...text.normalize("NFC")];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const s = decompose(chars[i]);
    if (!s) {
      out += chars[i];
      continue;
    }
    const prev = i > 0 ? decompose(chars[i - 1]) : null;
    const next = i + 1 < chars.length ? decompose(chars[i + 1]) : null;
    // ㄹ after ㄹ is "l" (일러스트 → illeoseuteu); ㅇ after a linked final has already been voiced.
    const initial = s.initial === RIEUL_INITIAL && prev?.final === RIEUL_FINAL ? "l" : INITIALS[s.initial];
    const linked = next?.initial === SILENT_INITIAL ? LINKED[s.final] : undefined;
    out += initial + MEDIALS[s.medial] + (linked ?? FINALS[s.final]);
  }
  return out;
}
