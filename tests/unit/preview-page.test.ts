import { describe, expect, it } from "vitest";
import { PREVIEW_PAGE_CSP, previewPage } from "@/lib/preview/preview-page";

const piece = {
  title: "초안 <b>제목</b>",
  dek: ["요약 & 한 줄"],
  body: "첫 문단.\n\n<!-- paywall -->\n\n유료 문단.\n\n<script>alert(1)</script>",
  heroImage: null,
  heroAlt: "",
};

describe("draft preview page", () => {
  const html = previewPage("ko", { name: "마스트헤드", timeZone: "Asia/Seoul" }, piece, new Date("2026-12-13T00:00:00Z"));
  it("asks not to be indexed and says it is a preview with its expiry", () => {
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain("미리보기");
    expect(html).toContain("2026년 12월 13일");
  });
  it("shows the whole draft, the paywall marker being no part of the output", () => {
    expect(html).toContain("<p>첫 문단.</p>");
    expect(html).toContain("<p>유료 문단.</p>");
    expect(html).not.toContain("paywall -->");
  });
  it("escapes the title and sanitizes the body like the reader pages", () => {
    expect(html).toContain("초안 &lt;b&gt;제목&lt;/b&gt;");
    expect(html).toContain("요약 &amp; 한 줄");
    expect(html).not.toContain("<script");
    expect(PREVIEW_PAGE_CSP).toContain("default-src 'none'");
  });
  it("speaks English for an English piece", () => {
    expect(previewPage("en", { name: "Masthead", timeZone: "Asia/Seoul" }, piece, new Date("2026-12-13T00:00:00Z"))).toContain("unpublished draft");
  });
});
