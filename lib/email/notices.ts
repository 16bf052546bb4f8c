// The notices members expect (design §11), in Korean or English. Pure: each takes what the queue
// row's payload fixed when it was queued (lib/email/notice-payloads.ts) and the links.
import { dict, formatDate, type UiLang } from "@/lib/i18n";
import { formatPrice } from "@/lib/pricing/format";
import { button, escapeHtml, frame, type MailBrand, type RenderedMail } from "./layout";
import type { NoticePayload } from "./notice-payloads";

export type NoticeLinks = { home: string; pricing: string; account: string; signin: string };

const p = (text: string) => `<p style="margin:0 0 12px">${escapeHtml(text)}</p>`;

function compose(
  brand: MailBrand,
  lang: UiLang,
  subject: string,
  paragraphs: string[],
  cta: { href: string; label: string } | null,
  footer: string[] = [],
): RenderedMail {
  const t = dict(lang).email;
  const bodyHtml = `<h1 style="margin:0 0 16px;font-size:22px;line-height:1.4">${escapeHtml(subject)}</h1>${paragraphs.map(p).join("")}${cta ? button(cta.href, cta.label, brand.accentColor) : ""}`;
  const footerLines = [...footer, t.footerWhy(brand.name)];
  const html = frame({ brand, lang, preheader: paragraphs[0] ?? subject, bodyHtml, footerHtml: footerLines.map(escapeHtml).join("<br>") });
  const text = [subject, "", ...paragraphs, ...(cta ? ["", `${cta.label}: ${cta.href}`] : []), "", "--", ...footerLines].join("\n");
  return { subject, html, text };
}

export function renderNotice(brand: MailBrand, lang: UiLang, notice: NoticePayload, links: NoticeLinks): RenderedMail {
  const t = dict(lang).email;
  const date = (iso: string) => formatDate(iso, lang, brand.timeZone);
  switch (notice.kind) {
    case "welcome":
      return compose(brand, lang, t.welcome.subject(brand.name), [t.welcome.body(brand.name)], { href: links.home, label: t.welcome.cta });
    case "receipt": {
      const lines = [t.receipt.body(formatPrice(notice.amount, notice.currency, lang), notice.tierName[lang])];
      if (notice.periodStart && notice.periodEnd) lines.push(t.receipt.period(date(notice.periodStart), date(notice.periodEnd)));
      // Korean receipts state the VAT inside the amount (PortOne payments carry it).
      if (notice.vat !== undefined) lines.push(t.receipt.vat(formatPrice(notice.vat, notice.currency, lang)));
      lines.push(t.receipt.reference(notice.reference));
      return compose(brand, lang, t.receipt.subject(brand.name), lines, { href: links.account, label: t.receipt.cta });
    }
    case "cancellation":
      return compose(
        brand,
        lang,
        t.cancellation.subject(brand.name),
        [notice.accessEnds ? t.cancellation.body(notice.tierName[lang], date(notice.accessEnds)) : t.cancellation.ended(notice.tierName[lang])],
        { href: links.pricing, label: t.cancellation.cta },
      );
    case "grant_ending":
      return compose(brand, lang, t.grantEnding.subject(brand.name, date(notice.endsAt)), [t.grantEnding.body(notice.tierName[lang], date(notice.endsAt))], {
        href: links.pricing,
        label: t.grantEnding.cta,
      });
    case "comment_reply":
      return compose(
        brand,
        lang,
        t.reply.subject(brand.name, notice.articleTitle),
        [t.reply.body(notice.replierName), `“${notice.excerpt}”`],
        { href: notice.url, label: t.reply.cta },
        [t.reply.stop],
      );
    case "price_change":
      return compose(
        brand,
        lang,
        t.priceChange.subject(brand.name),
        [
          t.priceChange.body(
            notice.tierName[lang],
            formatPrice(notice.oldAmount, notice.currency, lang),
            formatPrice(notice.newAmount, notice.currency, lang),
            date(notice.effectiveAt),
          ),
          t.priceChange.cancel,
        ],
        { href: links.account, label: t.priceChange.cta },
      );
    case "invitation": {
      const lines = [t.invitation.body(brand.name)];
      if (notice.tierName)
        lines.push(notice.endsAt ? t.invitation.grantUntil(notice.tierName[lang], date(notice.endsAt)) : t.invitation.grantLifetime(notice.tierName[lang]));
      return compose(brand, lang, t.invitation.subject(brand.name), lines, { href: links.signin, label: t.invitation.cta });
    }
    case "account_moved":
      return compose(brand, lang, t.accountMoved.subject(brand.name), [t.accountMoved.body(brand.name)], { href: links.signin, label: t.accountMoved.cta });
  }
}
