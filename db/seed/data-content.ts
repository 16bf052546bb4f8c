import type { SeedArticle, SeedAuthor, SeedSection } from "./types";

// The demo's second publication, `data` ("마스트헤드 데이터", design §10): data journalism with its
// own pieces, sections and bylines. Figures are illustrative estimates written for the demo.

export const DATA_PUBLICATION = {
  slug: "data",
  name: "마스트헤드 데이터",
  nameEn: "Masthead Data",
  tagline: "숫자로 읽는 한국 사회",
  taglineEn: "Korea, read through its numbers",
  host: "data.localhost",
  accentColor: "#0f766e",
} as const;

// The premium piece's gated part carries this, so tests can tell full text from teaser.
export const DATA_GATED_MARKER = "DATA-GATED-MARKER-9c2e";

const CREDIT_KO = "그래픽: 마스트헤드 데이터팀";
const CREDIT_EN = "Graphic: Masthead Data team";

// One author per publication: Lee Hana writes for both sites and has a byline in each.
export const dataAuthors: SeedAuthor[] = [
  {
    slug: "lee-hana",
    name: "이하나",
    position: "데이터 에디터",
    bio: "공공 데이터를 정리해 누구나 쓸 수 있는 지표로 만든다. 마스트헤드 데이터의 대시보드와 트래커를 맡고 있다.",
    avatarUrl: "/images/authors/lee-hana.png",
    joinedDaysAgo: 300,
  },
  {
    slug: "daniel-cho",
    name: "Daniel Cho",
    position: "Contributing Editor · Data",
    bio: "Daniel Cho turns Korean public statistics into trackers for English-language readers.",
    avatarUrl: "/images/authors/daniel-cho.png",
    joinedDaysAgo: 120,
  },
];

export const dataSections: SeedSection[] = [
  {
    slug: "datasets",
    name: "데이터셋",
    nameEn: "Datasets",
    description: "정리한 원자료와 그 읽는 법.",
    descriptionEn: "Cleaned source data, and how to read it.",
    seriesLabel: null,
    position: 1,
  },
  {
    slug: "trackers",
    name: "트래커",
    nameEn: "Trackers",
    description: "매주 갱신하는 지표.",
    descriptionEn: "Indicators updated every week.",
    seriesLabel: "주간 트래커",
    position: 2,
  },
];

const tags = {
  housing: { slug: "housing", name: "주거" },
  population: { slug: "population", name: "인구" },
  energy: { slug: "energy", name: "Energy" },
  jobs: { slug: "jobs", name: "Jobs" },
};

export const dataArticles: SeedArticle[] = [
  {
    slug: "seoul-rent-index-2026",
    title: "서울 월세 지수, 1년 새 얼마나 올랐나",
    dek: ["구별 월세 실거래를 같은 기준으로 다시 계산했다.", "중위 월세는 1년 새 약 6% 올랐다."],
    body: [
      "서울의 월세 실거래 신고를 같은 면적·같은 보증금 기준으로 환산하면, 2026년 3분기 중위 월세는 1년 전보다 약 6% 높다.",
      "상승 폭은 구마다 다르다. 업무지구에 가까운 구일수록 오름폭이 컸고, 외곽 구는 2% 안팎에 그쳤다.",
      "이 지수는 매달 갱신되며, 계산에 쓴 원자료와 환산식은 데이터셋 페이지에 공개한다.",
    ].join("\n\n"),
    locale: "ko",
    heroImage: "/images/hero/weekly-data-apartment-transactions.jpg",
    heroAlt: "서울 구별 월세 변화를 나타낸 막대 그래프",
    heroCaption: "구별 중위 월세 변화율 (추정)",
    heroCredit: CREDIT_KO,
    section: "datasets",
    authors: ["lee-hana"],
    tags: [tags.housing],
    access: "public",
    publishedDaysAgo: 2,
  },
  {
    slug: "birth-rate-dashboard",
    title: "출생아 수 대시보드: 반등은 어디서 시작됐나",
    dek: ["시군구별 출생아 수를 월 단위로 추적한다.", "프리미엄 회원은 지역별 원자료와 분석 전문을 본다."],
    body: [
      "2026년 들어 출생아 수가 전년 같은 달보다 늘어난 달이 다섯 번 있었다. 반등이 먼저 나타난 곳은 수도권 신도시였다.",
      "이 대시보드는 시군구 단위 월별 출생 통계를 묶어 추세를 보여 준다.",
      "<!-- paywall -->",
      "지역별로 나누면 반등의 절반 가까이가 2020년 이후 입주가 몰린 신도시 열 곳에서 나왔다. 혼인 건수의 선행 반등과 시차가 약 14개월로 맞아떨어진다.",
      `(편집자 주: 이 단락은 프리미엄 회원 전용이며, 콘텐츠 보호 점검용 표식 ${DATA_GATED_MARKER}를 담고 있다.)`,
      "다음 갱신에서는 주거 형태별 분해를 더한다.",
    ].join("\n\n"),
    locale: "ko",
    heroImage: "/images/hero/weekly-data-older-workers.jpg",
    heroAlt: "월별 출생아 수 추세선",
    heroCaption: "월별 출생아 수 (추정)",
    heroCredit: CREDIT_KO,
    section: "trackers",
    authors: ["lee-hana"],
    tags: [tags.population],
    access: "premium",
    publishedDaysAgo: 4,
  },
  {
    slug: "power-demand-heatwave-tracker",
    title: "Power demand in heatwaves, week by week",
    dek: ["Peak load against temperature, for members."],
    body: [
      "Every hot week this summer pushed peak electricity demand a little closer to the grid's reserve margin.",
      "This tracker lines up daily peak load with the day's high temperature across the country.",
      "<!-- paywall -->",
      "Above 33°C, each additional degree added roughly 1.5 GW of peak demand in our estimate, most of it from air conditioning in apartments.",
    ].join("\n\n"),
    locale: "en",
    heroImage: "/images/hero/weekly-data-tropical-nights.jpg",
    heroAlt: "Scatter plot of peak load against temperature",
    heroCaption: "Peak load and daily high (estimates)",
    heroCredit: CREDIT_EN,
    section: "trackers",
    authors: ["daniel-cho"],
    tags: [tags.energy],
    access: "free",
    publishedDaysAgo: 6,
  },
  {
    slug: "job-openings-tracker",
    title: "Job openings tracker: where hiring slowed",
    dek: ["Monthly openings by industry, for premium members."],
    body: [
      "Job openings fell for a third month in manufacturing, while health care kept hiring.",
      "The tracker combines monthly openings by industry and region.",
      "<!-- paywall -->",
      "By region, the slowdown is concentrated in export manufacturing hubs; service openings in the capital region held steady.",
    ].join("\n\n"),
    locale: "en",
    heroImage: "/images/hero/aging-workforce-productivity.jpg",
    heroAlt: "Line chart of job openings by industry",
    heroCaption: "Job openings by industry (estimates)",
    heroCredit: CREDIT_EN,
    section: "trackers",
    authors: ["daniel-cho"],
    tags: [tags.jobs],
    access: "premium",
    publishedDaysAgo: 8,
  },
];
