// Turns an API refusal into the sentence shown next to the form, in the page's language. Pure.
import type { Dictionary, UiLang } from "@/lib/i18n";
import { MAX_COMMENT_LENGTH } from "./body";
import type { ApiError } from "./types";

type Strings = Dictionary["comments"];

const timeFormats: Record<UiLang, Intl.DateTimeFormatOptions> = {
  ko: { dateStyle: "long", timeStyle: "short" },
  en: { dateStyle: "medium", timeStyle: "short" },
};

/** Date and time in the reader's own time zone (the island renders in the browser). */
export function formatCommentTime(iso: string, lang: UiLang, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang === "en" ? "en-US" : "ko-KR", { ...timeFormats[lang], timeZone }).format(new Date(iso));
}

export function banMessage(t: Strings, bannedUntil: string | null | undefined, lang: UiLang, timeZone?: string): string {
  return bannedUntil ? t.bannedUntil(formatCommentTime(bannedUntil, lang, timeZone)) : t.bannedForever;
}

export function commentErrorMessage(t: Strings, lang: UiLang, status: number, error: ApiError["error"]): string {
  if (status === 401) return t.errors.signedOut;
  if (status === 429) return t.errors.rateLimited(error.retryAfterSeconds ?? 60);
  if (status === 403 && error.reason === "banned") return banMessage(t, error.bannedUntil, lang);
  if (status === 403 && error.reason === "edit_window") return t.errors.editWindow;
  if (status === 403) return t.errors.forbidden;
  if (status === 422 && error.reason === "empty") return t.errors.empty;
  if (status === 422 && error.reason === "too_long") return t.errors.tooLong(error.maxLength ?? MAX_COMMENT_LENGTH);
  if (status === 422 && error.code === "invalid:parent") return t.errors.parent;
  return t.errors.generic;
}
