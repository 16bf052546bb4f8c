import { en } from "./en";
import { ko, type Dictionary } from "./ko";
import type { UiLang } from "./lang";

export { defaultLang, formatDate, isUiLang, localePath, uiLangs, type UiLang } from "./lang";
export type { Dictionary };

export function dict(lang: UiLang): Dictionary {
  return lang === "en" ? en : ko;
}
