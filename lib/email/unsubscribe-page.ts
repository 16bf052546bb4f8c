// The small documents of the unsubscribe link: a confirm page (GET: mail scanners follow links, so
// a visit never unsubscribes) and the answer. Pure; the route sets a strict CSP for them.
import { dict, type UiLang } from "@/lib/i18n";
import { escapeHtml } from "./layout";

export const UNSUBSCRIBE_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function page(lang: UiLang, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;font-family:-apple-system,BlinkMacSystemFont,'Apple SD Gothic Neo','Malgun Gothic','Noto Sans KR',sans-serif;background:#f5f3ef;color:#1a1a1a;word-break:keep-all">
<main style="max-width:32rem;margin:10vh auto;padding:2rem;background:#fff;border-top:4px solid #9a3412;line-height:1.7"><h1 style="font-size:1.4rem;margin:0 0 1rem">${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

export function confirmPage(lang: UiLang, publication: string, email: string, action: string): string {
  const t = dict(lang).email.unsubscribePage;
  return page(
    lang,
    t.title,
    `<p>${escapeHtml(t.confirm(publication, email))}</p><form method="post" action="${escapeHtml(action)}"><input type="hidden" name="confirm" value="1"><button type="submit" style="font:inherit;font-weight:bold;padding:.6rem 1.2rem;border:0;border-radius:4px;background:#9a3412;color:#fff;cursor:pointer">${escapeHtml(t.button)}</button></form>`,
  );
}

export function donePage(lang: UiLang, publication: string, accountUrl: string): string {
  const t = dict(lang).email.unsubscribePage;
  return page(
    lang,
    t.title,
    `<p role="status">${escapeHtml(t.done(publication))}</p><p><a href="${escapeHtml(accountUrl)}" style="color:#9a3412">${escapeHtml(t.resubscribe)}</a></p>`,
  );
}

export function invalidPage(lang: UiLang): string {
  const t = dict(lang).email.unsubscribePage;
  return page(lang, t.title, `<p role="alert">${escapeHtml(t.invalid)}</p>`);
}
