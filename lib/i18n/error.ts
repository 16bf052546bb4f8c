import type { UiLang, Widen } from "./lang";

// The error boundary's strings: a client component on every reader page, so it must not import the
// whole dictionaries (lib/i18n/lang.ts explains).

export const koError = { title: "문제가 발생했습니다", body: "잠시 후 다시 시도해 주세요. 문제가 계속되면 알려 주세요.", retry: "다시 시도" };

export const enError: Widen<typeof koError> = {
  title: "Something went wrong",
  body: "Please try again in a moment. If it keeps happening, let us know.",
  retry: "Try again",
};

export function errorDict(lang: UiLang): Widen<typeof koError> {
  return lang === "en" ? enError : koError;
}
