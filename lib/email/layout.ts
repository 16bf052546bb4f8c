// The frame every Masthead email shares: a 600 px table layout with inline styles (what Gmail,
// Naver Mail and Outlook all render), the publication's name and colour, and a footer. Pure.
import type { UiLang } from "@/lib/i18n";

// timeZone: the publication's, for the dates a notice prints.
export type MailBrand = { name: string; accentColor: string; logoUrl: string | null; origin: string; timeZone: string };
export type RenderedMail = { subject: string; html: string; text: string };

// Korean first for Windows and macOS clients, then the generic family.
const FONT = `-apple-system,BlinkMacSystemFont,'Apple SD Gothic Neo','Malgun Gothic','맑은 고딕','Noto Sans KR',sans-serif`;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

// Site paths in rendered bodies become absolute (mail has no base URL); images get a width that
// fits the column in every client.
export function absolutize(html: string, origin: string): string {
  return html.replace(/\b(href|src)="\/(?![/\\])/g, `$1="${origin}/`).replace(/<img /g, '<img style="max-width:100%;height:auto;border:0" ');
}

export function button(href: string, label: string, color: string): string {
  const c = COLOR.test(color) ? color : "#9a3412";
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0"><tr><td style="background:${c};border-radius:4px"><a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 20px;color:#ffffff;text-decoration:none;font-weight:bold;font-family:${FONT}">${escapeHtml(label)}</a></td></tr></table>`;
}

export type FrameInput = {
  brand: MailBrand;
  lang: UiLang;
  // Shown by clients next to the subject; hidden in the body.
  preheader: string;
  bodyHtml: string;
  footerHtml: string;
};

export function frame({ brand, lang, preheader, bodyHtml, footerHtml }: FrameInput): string {
  const accent = COLOR.test(brand.accentColor) ? brand.accentColor : "#9a3412";
  const logo = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl.startsWith("/") ? brand.origin + brand.logoUrl : brand.logoUrl)}" alt="${escapeHtml(brand.name)}" height="32" style="height:32px;border:0">`
    : escapeHtml(brand.name);
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light"><title>${escapeHtml(brand.name)}</title></head>
<body style="margin:0;padding:0;background:#f5f3ef;word-break:keep-all">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">${escapeHtml(preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f5f3ef"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff;border-top:4px solid ${accent}">
<tr><td style="padding:20px 28px;font-family:${FONT};font-size:20px;font-weight:bold;color:#1a1a1a"><a href="${escapeHtml(brand.origin)}/" style="color:#1a1a1a;text-decoration:none">${logo}</a></td></tr>
<tr><td style="padding:0 28px 28px;font-family:${FONT};font-size:16px;line-height:1.7;color:#1a1a1a">${bodyHtml}</td></tr>
<tr><td style="padding:20px 28px;border-top:1px solid #e5e1da;font-family:${FONT};font-size:12px;line-height:1.6;color:#6b6b6b">${footerHtml}</td></tr>
</table></td></tr></table></body></html>`;
}
