// The publication as search engines and share cards see it. Pure: the origin is an argument.
import { dict, type UiLang } from "@/lib/i18n";
import type { SiteIdentity } from "./json-ld";
import { absoluteUrl, SITE_LOGO_PATH } from "./urls";

export function siteIdentity(base: string, lang: UiLang): SiteIdentity {
  const t = dict(lang);
  const other = dict(lang === "ko" ? "en" : "ko");
  return {
    name: t.siteName,
    alternateName: other.siteName !== t.siteName ? other.siteName : undefined,
    base,
    logoUrl: absoluteUrl(base, SITE_LOGO_PATH),
    description: t.tagline,
  };
}

export const openGraphLocale = (lang: UiLang) => (lang === "ko" ? "ko_KR" : "en_US");
