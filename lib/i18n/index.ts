import { en } from "./en";
import { ko, type Dictionary } from "./ko";

export const uiLangs = ["ko", "en"] as const;
export type UiLang = (typeof uiLangs)[number];
export const defaultLang: UiLang = "ko";

export function isUiLang(value: string): value is UiLang {
  return (uiLangs as readonly string[]).includes(value);
}

export function dict(lang: UiLang): Dictionary {
  return lang === "en" ? en : ko;
}

// Korean is served at the bare paths; English under /en. One helper builds every reader link.
export function localePath(lang: UiLang, path: string): string {
  const clean = path.startsWith("/") ? path : `/${path}`;
  if (lang === defaultLang) return clean;
  return clean === "/" ? "/en" : `/en${clean}`;
}

const dateFormats: Record<UiLang, Intl.DateTimeFormat> = {
  ko: new Intl.DateTimeFormat("ko-KR", { dateStyle: "long", timeZone: "Asia/Seoul" }),
  en: new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "Asia/Seoul" }),
};

export function formatDate(value: string | Date, lang: UiLang): string {
  return dateFormats[lang].format(typeof value === "string" ? new Date(value) : value);
}

export type { Dictionary };
