import type { tiers } from "../schema";

// Tiers without their publication: seeded into one (db/seed/seed.ts). Benefits list only what exists;
// the comment right is shown from `canComment` (lib/pricing/plan-copy.ts), never typed here.
export type SeedTier = Omit<typeof tiers.$inferInsert, "publicationId">;

export const demoTiers: SeedTier[] = [
  {
    slug: "free",
    name: "무료 회원",
    nameEn: "Free",
    rank: 0,
    canComment: false,
    benefits: ["회원 전용 기사 읽기", "새 기사 뉴스레터"],
    benefitsEn: ["Members-only pieces", "New pieces by newsletter"],
    currency: "krw",
  },
  {
    slug: "supporter",
    name: "서포터",
    nameEn: "Supporter",
    rank: 1,
    canComment: false,
    benefits: ["서포터 기사 전문", "아카이브 전체"],
    benefitsEn: ["Supporter pieces in full", "The full archive"],
    monthlyAmount: 5900,
    yearlyAmount: 59000,
    currency: "krw",
  },
  {
    slug: "premium",
    name: "프리미엄",
    nameEn: "Premium",
    rank: 2,
    canComment: true,
    benefits: ["모든 기사와 심층 리포트"],
    benefitsEn: ["Every piece and in-depth report"],
    monthlyAmount: 12900,
    yearlyAmount: 129000,
    currency: "krw",
  },
];

// The `data` publication starts with free and premium (design §10: premium may comment).
export const dataTiers: SeedTier[] = [
  {
    slug: "free",
    name: "무료 회원",
    nameEn: "Free",
    rank: 0,
    canComment: false,
    benefits: ["회원 전용 트래커 읽기"],
    benefitsEn: ["Members-only trackers"],
    currency: "krw",
  },
  {
    slug: "premium",
    name: "데이터 프리미엄",
    nameEn: "Data Premium",
    rank: 1,
    canComment: true,
    benefits: ["모든 대시보드와 분석 전문"],
    benefitsEn: ["Every dashboard and analysis in full"],
    monthlyAmount: 7900,
    yearlyAmount: 79000,
    currency: "krw",
  },
];
