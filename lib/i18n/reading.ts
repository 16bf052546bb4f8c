import type { UiLang, Widen } from "./lang";

// The piece's reading aids (reading time, share buttons): in a module of their own because the share
// buttons are a client island on every piece, which must not carry the whole dictionaries.

export const koReading = {
  minutes: (n: number) => `${n}분 읽기`,
  share: "공유",
  copyLink: "링크 복사",
  copied: "링크를 복사했습니다",
  copyFailed: "복사하지 못했습니다",
  shareX: "X에 공유",
  shareFacebook: "Facebook에 공유",
  shareKakao: "KakaoTalk에 공유",
};

export const enReading: Widen<typeof koReading> = {
  minutes: (n: number) => `${n} min read`,
  share: "Share",
  copyLink: "Copy link",
  copied: "Link copied",
  copyFailed: "Could not copy",
  shareX: "Share on X",
  shareFacebook: "Share on Facebook",
  shareKakao: "Share on KakaoTalk",
};

export function readingDict(lang: UiLang): Widen<typeof koReading> {
  return lang === "en" ? enReading : koReading;
}
