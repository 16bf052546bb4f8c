// The draft preview document (/preview/{token}): self-contained HTML for someone without an account.
// Pure; the route sets the headers (no-store, noindex, a strict CSP). The body goes through the same
// sanitizing Markdown renderer as the reader pages.
import { renderMarkdown } from "@/lib/articles/markdown";
import { escapeHtml } from "@/lib/email/layout";
import { dict, type UiLang } from "@/lib/i18n";

export const PREVIEW_PAGE_CSP =
  "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export type PreviewPiece = { title: string; dek: string[]; body: string; heroImage: string | null; heroAlt: string };

const when = (d: Date, lang: UiLang, timeZone: string) =>
  new Intl.DateTimeFormat(lang === "en" ? "en-US" : "ko-KR", {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(d);

export function previewPage(lang: UiLang, publication: { name: string; timeZone: string }, piece: PreviewPiece, expiresAt: Date): string {
  const t = dict(lang).studioEditor.previewPage;
  const dek = piece.dek.map((l) => `<p style="font-size:1.15rem;color:#555;margin:.25rem 0">${escapeHtml(l)}</p>`).join("");
  const hero = piece.heroImage ? `<img src="${escapeHtml(piece.heroImage)}" alt="${escapeHtml(piece.heroAlt)}" style="max-width:100%;height:auto">` : "";
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${escapeHtml(piece.title)} · ${escapeHtml(publication.name)}</title></head>
<body style="margin:0;font-family:-apple-system,BlinkMacSystemFont,'Apple SD Gothic Neo','Malgun Gothic','Noto Sans KR',sans-serif;background:#fff;color:#1a1a1a;word-break:keep-all;line-height:1.75">
<p role="note" data-testid="preview-banner" style="margin:0;padding:.75rem 1rem;background:#fef3c7;color:#78350f;border-bottom:1px solid #f59e0b">${escapeHtml(t.banner)} ${escapeHtml(t.expires(when(expiresAt, lang, publication.timeZone)))}</p>
<main style="max-width:42rem;margin:2rem auto;padding:0 1rem"><p style="color:#9a3412;font-weight:bold;margin:0">${escapeHtml(publication.name)}</p><h1 style="font-size:2rem;line-height:1.3;margin:.5rem 0">${escapeHtml(piece.title)}</h1>${dek}${hero}<article>${renderMarkdown(piece.body)}</article></main></body></html>`;
}
