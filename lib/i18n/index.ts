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

// A day as readers write it ("2026년 12월 6일", "Dec 6, 2026"), on the publication's clock: a
// piece published at 00:30 in Seoul is dated the 6th there, whatever the server's zone.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(value: string | Date, lang: UiLang, timeZone: string): string {
  const key = `${lang}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = lang === "en" ? new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone }) : new Intl.DateTimeFormat("ko-KR", { dateStyle: "long", timeZone });
    dateFormats.set(key, f);
  }
  return f.format(typeof value === "string" ? new Date(value) : value);
}

export type { Dictionary };
