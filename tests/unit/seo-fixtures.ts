import type { ArticleView, TierView } from "@/lib/articles/view-models";
import type { FeedPiece } from "@/lib/seo/feed-entries";

import type { PublicationRef } from "@/lib/publications/model";

export const BASE = "https://news.example.kr";
// The primary publication, named as the dictionaries named the site before publications existed.
export const PUBLICATION: PublicationRef = {
  id: 1,
  slug: "main",
  name: "마스트헤드",
  nameEn: "Masthead",
  tagline: "깊이 읽는 연구와 뉴스",
  taglineEn: "Research and news, read in depth",
  locale: "ko",
  timeZone: "Asia/Seoul",
  accentColor: "#9a3412",
  logoUrl: null,
  isPrimary: true,
  hosts: [],
};
export const GATED_TEXT = "GATED-SECRET-본문";

export const TIERS: TierView[] = [
  { slug: "free", name: "무료", nameEn: "Free", rank: 0, canComment: false },
  { slug: "supporter", name: "후원", nameEn: "Supporter", rank: 1, canComment: false },
  { slug: "premium", name: "프리미엄", nameEn: "Premium", rank: 2, canComment: true },
];

export const NOW = new Date("2025-12-10T00:00:00.000Z");

const section = { slug: "economy", name: "경제", nameEn: "Economy", seriesLabel: null, description: "경제 기사", descriptionEn: "Economy" };
const author = {
  slug: "han-jiwoo",
  name: "한지우",
  position: "선임기자",
  bio: "경제 담당",
  avatarUrl: "/images/authors/han-jiwoo.png",
  joinedAt: "2024-01-01T00:00:00.000Z",
};

export function articleView(over: Partial<ArticleView> = {}): ArticleView {
  return {
    slug: "fiscal-rule",
    title: "재정준칙과 지방재정: 숫자 뒤에 숨은 선택",
    dek: ["재정준칙 논의가 다시 시작됐다.", "부담은 어디로 옮겨 가는가."],
    locale: "ko",
    heroImage: "/images/hero/fiscal-rule.jpg",
    heroAlt: "저울",
    publishAt: "2025-12-01T09:00:00.000Z",
    updatedAt: "2025-12-02T09:00:00.000Z",
    access: "premium",
    readingMinutes: 4,
    unlockAt: null,
    section,
    authors: [author],
    heroCaption: "",
    heroCredit: "",
    tags: [{ slug: "fiscal-policy", name: "재정" }],
    seoTitle: null,
    seoDescription: null,
    ...over,
  };
}

export const GATED_BODY = `첫 문단은 모두가 읽는다.\n\n두 번째 문단도 미리보기다.\n\n<!-- paywall -->\n\n## 유료 구간\n\n${GATED_TEXT} 여기는 구독자만.\n\n![도표](/images/chart.png)`;

export function feedPiece(over: Partial<FeedPiece> = {}): FeedPiece {
  return {
    slug: "fiscal-rule",
    title: "재정준칙과 지방재정",
    dek: ["재정준칙 논의가 다시 시작됐다."],
    locale: "ko",
    body: GATED_BODY,
    previewParagraphs: 3,
    access: "premium",
    unlockAt: null,
    publishAt: new Date("2025-12-01T09:00:00.000Z"),
    updatedAt: new Date("2025-12-02T09:00:00.000Z"),
    heroImage: "/images/hero/fiscal-rule.jpg",
    heroAlt: '저울 "그림"',
    section: { slug: "economy", name: "경제", nameEn: "Economy" },
    authors: [{ slug: "han-jiwoo", name: "한지우" }],
    tags: [{ slug: "fiscal-policy", name: "재정" }],
    ...over,
  };
}
