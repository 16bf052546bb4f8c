// The reader's language and what depends on it alone (links, dates), without any dictionary: client
// islands import from here, so the dictionaries stay on the server (lib/i18n/index.ts has them).

export const uiLangs = ["ko", "en"] as const;
export type UiLang = (typeof uiLangs)[number];
export const defaultLang: UiLang = "ko";

export function isUiLang(value: string): value is UiLang {
  return (uiLangs as readonly string[]).includes(value);
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

// Same shape as the Korean dictionary, with strings widened so other languages can fill it.
export type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : T extends object
      ? { [K in keyof T]: Widen<T[K]> }
      : T;
