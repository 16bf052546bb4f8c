import type { UiLang } from "@/lib/i18n";

const messages: Record<UiLang, { title: string; body: (seconds: number) => string }> = {
  ko: {
    title: "검색 요청이 너무 많습니다",
    body: (s) => `잠시 후 다시 검색해 주세요. ${s}초 뒤에 다시 시도할 수 있습니다.`,
  },
  en: {
    title: "Too many searches",
    body: (s) => `Please wait a moment before searching again. You can try again in ${s} second${s === 1 ? "" : "s"}.`,
  },
};

// Shown instead of results when this reader's search budget is spent (lib/search/limit.ts).
export function SearchLimited({ lang, retryAfterSeconds }: { lang: UiLang; retryAfterSeconds: number }) {
  const t = messages[lang];
  return (
    <section role="alert" aria-labelledby="search-limited-heading" className="rounded border border-rule p-4">
      <h2 id="search-limited-heading" className="text-lg font-bold">
        {t.title}
      </h2>
      <p className="mt-1 text-muted">{t.body(retryAfterSeconds)}</p>
    </section>
  );
}
