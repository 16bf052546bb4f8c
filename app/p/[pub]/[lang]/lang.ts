import { isUiLang, type UiLang } from "@/lib/i18n";

// The layout already 404s unknown languages; pages narrow the param for their own use.
export async function pageLang(params: Promise<{ lang: string }>): Promise<UiLang> {
  const { lang } = await params;
  return isUiLang(lang) ? lang : "ko";
}
