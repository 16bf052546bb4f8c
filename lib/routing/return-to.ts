// Links that keep the reader's place: sign-in and the plans page carry the page the reader was on,
// so the magic link and the checkout bring them back to it. Only same-site paths travel
// (lib/auth/callback-url.ts); anything else is dropped and the usual destination applies.
import { isSafeCallback } from "@/lib/auth/callback-url";
import { localePath, type UiLang } from "@/lib/i18n/lang";

export const RETURN_TO_PARAM = "returnTo" as const;

/** A validated return path, or null. */
export function resolveReturnTo(value: string | null | undefined): string | null {
  return value && isSafeCallback(value) ? value : null;
}

export function signInHref(lang: UiLang, returnTo?: string | null): string {
  const back = resolveReturnTo(returnTo);
  const base = localePath(lang, "/signin");
  return back ? `${base}?callbackUrl=${encodeURIComponent(back)}` : base;
}

export function pricingHref(lang: UiLang, returnTo?: string | null): string {
  const back = resolveReturnTo(returnTo);
  const base = localePath(lang, "/pricing");
  return back ? `${base}?${RETURN_TO_PARAM}=${encodeURIComponent(back)}` : base;
}
