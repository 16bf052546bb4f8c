// A piece as a newsletter email, in the copy its recipient may read (lib/access/mail.ts): the full
// text, or the teaser and an upgrade link. Pure: the caller renders the Markdown parts (the same
// sanitized HTML as the web) and passes the URLs. Two copies per piece, shared by every recipient
// of that copy; only the unsubscribe link differs per recipient, so it is put in at the end.
import type { NewsletterVariant } from "@/lib/access";
import { dict, type UiLang } from "@/lib/i18n";
import { absolutize, button, escapeHtml, frame, type MailBrand, type RenderedMail } from "./layout";

export type NewsletterPiece = {
  title: string;
  dek: string[];
  authors: string[];
  heroImage: string | null;
  heroAlt: string;
  url: string;
  // The teaser (everything for public pieces) and the gated part, rendered; plain-text copies.
  teaserHtml: string;
  gatedHtml: string | null;
  teaserText: string;
  gatedText: string | null;
  // The tier the gated part is for; null for members-only ("free") pieces.
  requiredTierName: string | null;
};

export type NewsletterLinks = { pricing: string; account: string };

export const UNSUBSCRIBE_PLACEHOLDER = "%%MASTHEAD_UNSUBSCRIBE_URL%%";

// Gmail clips a message whose HTML passes about 102 KB: the studio warns above this.
export const GMAIL_CLIP_BYTES = 102 * 1024;

export function renderNewsletter(brand: MailBrand, lang: UiLang, piece: NewsletterPiece, variant: NewsletterVariant, links: NewsletterLinks): RenderedMail {
  const t = dict(lang).email;
  const full = variant === "full" || piece.gatedHtml === null;
  const dek = piece.dek.map((d) => `<p style="margin:0 0 8px;font-size:18px;color:#444">${escapeHtml(d)}</p>`).join("");
  const byline = piece.authors.length ? `<p style="margin:0 0 16px;font-size:13px;color:#6b6b6b">${escapeHtml(t.by(piece.authors.join(", ")))}</p>` : "";
  const hero = piece.heroImage
    ? `<p style="margin:0 0 16px"><img src="${escapeHtml(piece.heroImage)}" alt="${escapeHtml(piece.heroAlt)}" width="544"></p>`
    : "";
  const body = full ? piece.teaserHtml + (piece.gatedHtml ?? "") : piece.teaserHtml;
  const cut = full
    ? ""
    : `<div style="margin:28px 0 0;padding:20px;background:#f5f3ef;border-radius:4px"><p style="margin:0 0 8px;font-weight:bold">${escapeHtml(piece.requiredTierName ? t.continueTitle(piece.requiredTierName) : t.continueMembers)}</p><p style="margin:0">${escapeHtml(t.continueBody)}</p>${button(links.pricing, t.upgrade, brand.accentColor)}</div>`;
  const bodyHtml = absolutize(
    `<h1 style="margin:0 0 12px;font-size:26px;line-height:1.35"><a href="${escapeHtml(piece.url)}" style="color:#1a1a1a;text-decoration:none">${escapeHtml(piece.title)}</a></h1>${dek}${byline}${hero}${body}${cut}<p style="margin:24px 0 0;font-size:14px"><a href="${escapeHtml(piece.url)}" style="color:${escapeHtml(brand.accentColor)}">${escapeHtml(full ? t.readOnline : t.continueOnline)}</a></p>`,
    brand.origin,
  );
  const footerHtml = `${escapeHtml(t.footerWhy(brand.name))}<br><a href="${UNSUBSCRIBE_PLACEHOLDER}" style="color:#6b6b6b">${escapeHtml(t.unsubscribe)}</a> · <a href="${escapeHtml(links.account)}" style="color:#6b6b6b">${escapeHtml(t.preferences)}</a>`;
  const html = frame({ brand, lang, preheader: piece.dek[0] ?? piece.teaserText.slice(0, 120), bodyHtml, footerHtml });
  const text = [
    piece.title,
    ...piece.dek,
    piece.authors.length ? t.by(piece.authors.join(", ")) : "",
    "",
    full ? [piece.teaserText, piece.gatedText ?? ""].filter(Boolean).join("\n\n") : piece.teaserText,
    "",
    full ? "" : `${piece.requiredTierName ? t.continueTitle(piece.requiredTierName) : t.continueMembers}\n${t.continueBody}\n${links.pricing}\n`,
    `${full ? t.readOnline : t.continueOnline}: ${piece.url}`,
    "",
    "--",
    t.footerWhy(brand.name),
    `${t.unsubscribe}: ${UNSUBSCRIBE_PLACEHOLDER}`,
    `${t.preferences}: ${links.account}`,
  ]
    .filter((line, i, all) => !(line === "" && all[i - 1] === ""))
    .join("\n");
  return { subject: piece.title, html, text };
}

// The recipient's copy: the shared render with their own unsubscribe URL.
export function personalize(mail: RenderedMail, unsubscribeUrl: string): RenderedMail {
  return {
    subject: mail.subject,
    html: mail.html.split(UNSUBSCRIBE_PLACEHOLDER).join(escapeHtml(unsubscribeUrl)),
    text: mail.text.split(UNSUBSCRIBE_PLACEHOLDER).join(unsubscribeUrl),
  };
}
