import { describe, expect, it } from "vitest";
import type { MailBrand } from "@/lib/email/layout";
import { GMAIL_CLIP_BYTES, personalize, renderNewsletter, UNSUBSCRIBE_PLACEHOLDER } from "@/lib/email/newsletter";
import { newsletterWeight, toNewsletterPiece } from "@/lib/email/newsletter-piece";
import { renderNotice } from "@/lib/email/notices";
import { noticePayloadSchema } from "@/lib/email/notice-payloads";
import { confirmPage, donePage } from "@/lib/email/unsubscribe-page";

const brand: MailBrand = { name: "마스트헤드", accentColor: "#9a3412", logoUrl: null, origin: "https://masthead.example", timeZone: "Asia/Seoul" };
const GATED = "GATED-PART-7f3a";
const body = `첫 문단은 누구나 읽습니다. [소개](/about)\n\n![차트](/images/chart.png)\n\n<!-- paywall -->\n\n${GATED} 유료 독자만 읽는 분석.`;
const piece = toNewsletterPiece(
  {
    title: "반도체 수출 규제",
    slug: "chip-rules",
    dek: ["요약 한 줄"],
    body,
    access: "premium",
    previewParagraphs: 3,
    heroImage: "/images/hero.jpg",
    heroAlt: "공장",
    authors: [{ name: "김기자" }],
  },
  brand.origin,
  "프리미엄",
);
const links = { pricing: "https://masthead.example/pricing", account: "https://masthead.example/account" };

describe("a piece as a newsletter", () => {
  it("the teaser copy carries no gated bytes, in HTML or text, and points to the plans", () => {
    const mail = renderNewsletter(brand, "ko", piece, "teaser", links);
    expect(mail.html).not.toContain(GATED);
    expect(mail.text).not.toContain(GATED);
    expect(mail.html).toContain("이 기사의 나머지는 프리미엄 독자에게 열려 있습니다");
    expect(mail.html).toContain(links.pricing);
    expect(mail.text).toContain("첫 문단은 누구나 읽습니다.");
  });
  it("the full copy carries the whole piece and no upgrade box", () => {
    const mail = renderNewsletter(brand, "ko", piece, "full", links);
    expect(mail.html).toContain(GATED);
    expect(mail.text).toContain(GATED);
    expect(mail.html).not.toContain("열려 있습니다");
    expect(mail.subject).toBe("반도체 수출 규제");
  });
  it("links and images are absolute on the publication's host; Korean text is declared", () => {
    const { html } = renderNewsletter(brand, "ko", piece, "full", links);
    expect(html).toContain('href="https://masthead.example/about"');
    expect(html).toContain('src="https://masthead.example/images/chart.png"');
    expect(html).toContain('src="https://masthead.example/images/hero.jpg"');
    expect(html).not.toMatch(/(?:href|src)="\/(?!\/)/);
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('<meta charset="utf-8">');
  });
  it("each recipient's copy has their own unsubscribe URL, escaped, in both parts", () => {
    const shared = renderNewsletter(brand, "en", piece, "teaser", links);
    expect(shared.html).toContain(UNSUBSCRIBE_PLACEHOLDER);
    const mine = personalize(shared, "https://masthead.example/email/unsubscribe/1.2.abc&x");
    expect(mine.html).not.toContain(UNSUBSCRIBE_PLACEHOLDER);
    expect(mine.html).toContain("https://masthead.example/email/unsubscribe/1.2.abc&amp;x");
    expect(mine.text).toContain("Unsubscribe from the newsletter: https://masthead.example/email/unsubscribe/1.2.abc&x");
  });
  it("titles and deks are escaped", () => {
    const evil = toNewsletterPiece(
      {
        title: "<script>x</script>",
        slug: "s",
        dek: ['"><img src=x onerror=1>'],
        body: "text",
        access: "public",
        previewParagraphs: 3,
        heroImage: null,
        heroAlt: "",
        authors: [],
      },
      brand.origin,
      null,
    );
    const { html } = renderNewsletter(brand, "ko", evil, "full", links);
    expect(html).not.toContain("<script>x");
    expect(html).not.toContain("<img src=x");
  });
  it("weighs the copy: big bodies pass Gmail's clip size, many images are flagged", () => {
    expect(newsletterWeight(renderNewsletter(brand, "ko", piece, "full", links).html)).toMatchObject({ clipped: false, imageHeavy: false, images: 2 });
    const huge = toNewsletterPiece(
      {
        ...{ title: "t", slug: "s", dek: [], access: "public", previewParagraphs: 3, heroImage: null, heroAlt: "", authors: [] },
        body: "가나다라 ".repeat(40_000),
      },
      brand.origin,
      null,
    );
    const weight = newsletterWeight(renderNewsletter(brand, "ko", huge, "full", links).html);
    expect(weight.bytes).toBeGreaterThan(GMAIL_CLIP_BYTES);
    expect(weight.clipped).toBe(true);
    const pictures = toNewsletterPiece(
      {
        title: "t",
        slug: "s",
        dek: [],
        access: "public",
        previewParagraphs: 3,
        heroImage: null,
        heroAlt: "",
        authors: [],
        body: Array.from({ length: 20 }, (_, i) => `![p${i}](/images/${i}.png)`).join("\n\n"),
      },
      brand.origin,
      null,
    );
    expect(newsletterWeight(renderNewsletter(brand, "ko", pictures, "full", links).html).imageHeavy).toBe(true);
  });
});

describe("notices", () => {
  const noticeLinks = {
    home: "https://m.example/",
    pricing: "https://m.example/pricing",
    account: "https://m.example/account",
    signin: "https://m.example/signin",
  };
  const names = { ko: "프리미엄", en: "Premium" };
  it("render every kind in Korean and English", () => {
    const payloads = [
      { kind: "welcome" },
      {
        kind: "receipt",
        amount: 12900,
        currency: "krw",
        tierName: names,
        periodStart: "2026-12-01T00:00:00Z",
        periodEnd: "2027-01-01T00:00:00Z",
        reference: "in_123",
      },
      { kind: "cancellation", tierName: names, accessEnds: "2027-01-01T00:00:00Z" },
      { kind: "grant_ending", tierName: names, endsAt: "2026-12-08T00:00:00Z" },
      { kind: "comment_reply", articleTitle: "제목", replierName: "이독자", excerpt: "좋은 지적입니다", url: "https://m.example/articles/x#comments-heading" },
      { kind: "account_moved" },
      { kind: "invitation", tierName: names, endsAt: "2027-01-05T00:00:00Z" },
      { kind: "invitation", tierName: null, endsAt: null },
    ].map((p) => noticePayloadSchema.parse(p));
    for (const p of payloads) {
      const ko = renderNotice(brand, "ko", p, noticeLinks);
      const en = renderNotice({ ...brand, name: "Masthead" }, "en", p, noticeLinks);
      expect(ko.subject, p.kind).toMatch(/[가-힣]/);
      // The English copy is English (a reply quotes the piece's own title, which may be Korean).
      if (p.kind !== "comment_reply") expect(en.subject + en.text, p.kind).not.toMatch(/[가-힣]/);
      expect(ko.html, p.kind).toContain('<html lang="ko">');
      expect(en.text.length, p.kind).toBeGreaterThan(20);
    }
    // The invitation names the grant that came with it and links to sign-in.
    const invitation = renderNotice(brand, "ko", payloads[6], noticeLinks);
    expect(invitation.text).toContain("프리미엄");
    expect(invitation.text).toContain("https://m.example/signin");
    expect(renderNotice(brand, "en", payloads[6], noticeLinks).text).toContain("open to Premium until Jan 5, 2027");
    expect(renderNotice(brand, "ko", payloads[7], noticeLinks).text).not.toContain("프리미엄");
    const receipt = renderNotice(brand, "ko", payloads[1], noticeLinks);
    expect(receipt.text).toContain("₩12,900");
    expect(receipt.text).toContain("in_123");
    expect(receipt.text).not.toContain("부가가치세");
    // A PortOne receipt states the VAT inside the amount, parsed back from the stored payload.
    const vat = noticePayloadSchema.parse({ ...payloads[1], vat: 1173 });
    expect(renderNotice(brand, "ko", vat, noticeLinks).text).toContain("부가가치세 ₩1,173");
    expect(renderNotice(brand, "en", vat, noticeLinks).text).toContain("Amount includes VAT of ₩1,173.");
    // The 30-day notice of a PortOne price change names both prices and the date.
    const change = noticePayloadSchema.parse({
      kind: "price_change",
      tierName: names,
      oldAmount: 7900,
      newAmount: 9900,
      currency: "krw",
      effectiveAt: "2027-03-01T00:00:00Z",
    });
    const en = renderNotice(brand, "en", change, noticeLinks).text;
    expect(en).toContain("₩7,900");
    expect(en).toContain("₩9,900");
    expect(en).toMatch(/Mar 1, 2027/);
    expect(renderNotice(brand, "ko", change, noticeLinks).text).toContain("구독료");
    expect(renderNotice(brand, "en", payloads[2], noticeLinks).text).toContain("You keep full access until Jan 1, 2027");
  });
  it("a payload with a missing field is refused before rendering", () => {
    expect(noticePayloadSchema.safeParse({ kind: "receipt", amount: 1 }).success).toBe(false);
    expect(noticePayloadSchema.safeParse({ kind: "grant_ending", tierName: names, endsAt: "not a date" }).success).toBe(false);
  });
});

describe("the unsubscribe pages", () => {
  it("confirm with a form posting back to the same URL; escape the address", () => {
    const html = confirmPage("ko", "마스트헤드", "<x>@example.com", "/email/unsubscribe/1.2.abc");
    expect(html).toContain('method="post" action="/email/unsubscribe/1.2.abc"');
    expect(html).toContain("&lt;x&gt;@example.com");
    expect(donePage("en", "Masthead", "https://m.example/en/account")).toContain("You will not receive the Masthead newsletter any more.");
  });
});
