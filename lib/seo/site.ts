// The publication as search engines and share cards see it. Pure: the publication and its origin
// are arguments.
import type { UiLang } from "@/lib/i18n";
import { publicationName, publicationTagline, type PublicationRef } from "@/lib/publications/model";
import type { SiteIdentity } from "./json-ld";
import { absoluteUrl, SITE_LOGO_PATH } from "./urls";

export function siteIdentity(pub: PublicationRef, base: string, lang: UiLang): SiteIdentity {
  const name = publicationName(pub, lang);
  const other = publicationName(pub, lang === "ko" ? "en" : "ko");
  return {
    name,
    alternateName: other !== name ? other : undefined,
    base,
    logoUrl: absoluteUrl(base, pub.logoUrl ?? SITE_LOGO_PATH),
    description: publicationTagline(pub, lang),
  };
}

export const openGraphLocale = (lang: UiLang) => (lang === "ko" ? "ko_KR" : "en_US");
