import { isUiLang, type UiLang } from "@/lib/i18n";
import { originOf, requirePagePublication } from "@/lib/publications/current";
import type { PublicationRef } from "@/lib/publications/model";

// Reader pages live under /p/<publication>/<lang>/…, a path only the proxy's rewrite from the
// request's Host leads to. The layout already 404s unknown languages and publications; pages
// narrow the params for their own use.
export type PageParams = { pub: string; lang: string };

export async function pageLang(params: Promise<PageParams>): Promise<UiLang> {
  const { lang } = await params;
  return isUiLang(lang) ? lang : "ko";
}

export type PageContext = { pub: PublicationRef; lang: UiLang; base: string };

/** The publication (404 when unknown), the UI language and the publication's canonical origin. */
export async function pageContext(params: Promise<PageParams>): Promise<PageContext> {
  const { pub: slug, lang } = await params;
  const pub = await requirePagePublication(slug);
  return { pub, lang: isUiLang(lang) ? lang : "ko", base: originOf(pub) };
}
