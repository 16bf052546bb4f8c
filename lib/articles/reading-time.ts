// Minutes a piece takes to read, from its plain text. Pure. Korean is read by characters (about
// 500 a minute), English by words (about 230 a minute); mixed text adds both, so a Korean piece
// quoting English is counted fairly.

export const HANGUL_CHARS_PER_MINUTE = 500;
export const WORDS_PER_MINUTE = 230;

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/gu;
const CJK = /[\u3040-\u30ff\u4e00-\u9fff]/gu;

export function readingMinutes(text: string): number {
  const hangul = (text.match(HANGUL)?.length ?? 0) + (text.match(CJK)?.length ?? 0);
  // Words are whatever is left once the Korean (and other CJK) characters are taken out.
  const rest = text.replace(HANGUL, " ").replace(CJK, " ");
  const words = rest.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const minutes = hangul / HANGUL_CHARS_PER_MINUTE + words / WORDS_PER_MINUTE;
  if (minutes === 0) return 0;
  return Math.max(1, Math.round(minutes));
}
