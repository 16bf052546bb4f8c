import type { SeedArticle, SeedAuthor, SeedSection } from "./types";

// Original demo content for Masthead. All figures are illustrative estimates
// written for the demo; institutions are referred to only in general terms.

const CREDIT_KO = "일러스트: Masthead 디자인팀";
const CREDIT_EN = "Illustration: Masthead design team";

export const demoAuthors: SeedAuthor[] = [
  {
    slug: "han-jiwoo",
    name: "한지우",
    email: "editor@masthead.local",
    position: "편집장 · 경제정책",
    bio: "경제부와 정책팀을 거쳐 Masthead 창간 때부터 편집을 이끌고 있다. 재정과 복지 제도의 설계가 사람들의 일상에 닿는 방식을 주로 쓴다. 숫자 자체보다 그 숫자를 만든 선택을 설명하는 기사를 좋아한다.",
    avatarUrl: "/images/authors/han-jiwoo.png",
    joinedDaysAgo: 1850,
  },
  {
    slug: "kim-seoyeon",
    name: "김서연",
    position: "선임기자 · 에너지·기후",
    bio: "에너지 전환과 기후 정책을 10년 넘게 취재해 왔다. 발전소와 송전탑, 아파트 보일러실까지 전기와 열이 흐르는 현장을 찾아다닌다. 공학을 전공해 기술 자료를 쉬운 말로 풀어내는 데 강점이 있다.",
    avatarUrl: "/images/authors/kim-seoyeon.png",
    joinedDaysAgo: 1420,
  },
  {
    slug: "park-minjun",
    name: "박민준",
    position: "기자 · 반도체·산업",
    bio: "반도체와 제조업 공급망을 담당한다. 공장 건설 현장과 장비 전시회, 투자 설명회를 오가며 산업의 큰 흐름을 추적한다. 기자가 되기 전에는 산업 분석 애널리스트로 일했다.",
    avatarUrl: "/images/authors/park-minjun.png",
    joinedDaysAgo: 760,
  },
  {
    slug: "lee-hana",
    name: "이하나",
    position: "데이터 에디터 · 인구·주거",
    bio: "공공 데이터를 분석해 인구 구조와 주거 문제를 읽어 낸다. '주간 데이터' 시리즈를 맡고 있으며 한국어와 영어로 기사를 쓴다. 분석에 쓴 코드와 원자료 출처를 가능한 한 공개하는 것을 원칙으로 삼는다.",
    avatarUrl: "/images/authors/lee-hana.png",
    joinedDaysAgo: 540,
  },
  {
    slug: "daniel-cho",
    name: "Daniel Cho",
    position: "Contributing Editor · Tech & Economy",
    bio: "Daniel Cho writes about technology policy and the Korean economy for Masthead's English-language readers. He previously covered Asian manufacturing and supply chains for a business magazine. He splits his time between Seoul and London.",
    avatarUrl: "/images/authors/daniel-cho.png",
    joinedDaysAgo: 210,
  },
];

export const demoSections: SeedSection[] = [
  {
    slug: "research",
    name: "연구",
    nameEn: "Research",
    description: "장기 데이터와 현장 조사를 바탕으로 한국 사회의 구조적 변화를 깊이 들여다봅니다.",
    descriptionEn: "In-depth analysis of structural change in Korea, built on long-run data and field research.",
    seriesLabel: null,
    position: 1,
  },
  {
    slug: "economy",
    name: "경제",
    nameEn: "Economy",
    description: "재정, 주거, 노동시장처럼 일상과 맞닿은 경제 이슈를 숫자와 맥락으로 해설합니다.",
    descriptionEn: "Fiscal policy, housing and labour markets, explained with numbers and context.",
    seriesLabel: null,
    position: 2,
  },
  {
    slug: "technology",
    name: "기술",
    nameEn: "Technology",
    description: "반도체, 인공지능, 디지털 규제 등 기술 산업과 정책의 흐름을 추적합니다.",
    descriptionEn: "Tracking semiconductors, artificial intelligence and digital regulation.",
    seriesLabel: null,
    position: 3,
  },
  {
    slug: "weekly-data",
    name: "주간 데이터",
    nameEn: "Weekly Data",
    description: "매주 하나의 데이터로 한국 사회의 변화를 짧고 정확하게 읽습니다.",
    descriptionEn: "One dataset a week: short, precise readings of how Korea is changing.",
    seriesLabel: "주간 데이터",
    position: 4,
  },
];

// Tags: one name per slug (tags are unique by slug).
const T = {
  energyTransition: { slug: "energy-transition", name: "에너지 전환" },
  powerGrid: { slug: "power-grid", name: "전력망" },
  semiconductors: { slug: "semiconductors", name: "반도체" },
  housing: { slug: "housing", name: "주거" },
  agingSociety: { slug: "aging-society", name: "고령화" },
  laborMarket: { slug: "labor-market", name: "노동시장" },
  fiscalPolicy: { slug: "fiscal-policy", name: "재정" },
  aiRegulation: { slug: "ai-regulation", name: "AI 규제" },
  techPolicy: { slug: "tech-policy", name: "기술 정책" },
  climateData: { slug: "climate-data", name: "기후 데이터" },
  // English-language tags
  chipIndustry: { slug: "chip-industry", name: "Chip industry" },
  koreanEconomy: { slug: "korean-economy", name: "Korean economy" },
  demographics: { slug: "demographics", name: "Demographics" },
  climate: { slug: "climate", name: "Climate" },
} as const;

export const demoArticles: SeedArticle[] = [
  // ───────────────────────────── public ─────────────────────────────
  {
    slug: "semiconductor-cluster-power-water",
    title: "반도체 클러스터, 공장보다 전기와 물이 먼저다",
    dek: ["대형 반도체 공장 한 곳이 중소 도시 하나만큼의 전력을 쓴다.", "입지 경쟁의 승부처는 세제 혜택이 아니라 인프라가 준비되는 속도다."],
    body: `국내 반도체산업의 투자 계획을 들여다보면 가장 먼저 눈에 띄는 것은 공장의 숫자가 아니라 전력 수요 곡선이다. 최첨단 공정 라인 하나가 가동되면 수백 메가와트의 전력이 하루 24시간 끊김 없이 필요하고, 클러스터 전체로 보면 그 규모는 기가와트 단위로 커진다. 업계에서 "공장은 3년이면 짓지만 송전선은 10년이 걸린다"는 말이 오래전부터 오가는 이유다.

## 전기: 발전보다 송전이 문제

전력 자체가 모자란 것은 아니다. 문제는 발전소가 몰린 해안 지역과 수요가 몰린 수도권 남부를 잇는 송전망이다. 새 송전선로는 노선 선정과 주민 협의, 인허가를 거치는 데만 수년이 걸리고, 그 사이 공장은 이미 완공 단계에 들어선다. **전력 공급 시점이 생산 계획을 좌우하는 역전 현상**이 나타나는 것이다.

## 물: 하루 수십만 톤의 초순수

반도체 공정은 웨이퍼를 씻어 내는 데 불순물을 극도로 걸러 낸 초순수를 대량으로 쓴다. 대형 클러스터는 하루 수십만 톤 규모의 용수가 필요하고, 이는 인근 지자체의 생활용수 계획과 직접 맞물린다. 가뭄이 잦아지는 기후에서는 취수원 다변화와 폐수 재이용률이 곧 공장 가동률로 이어진다.

인프라를 제때 확보하기 위해 정책 당국과 기업이 함께 검토할 수 있는 선택지는 대체로 다음과 같다.

- 클러스터 전용 송전선로의 인허가 절차를 단일 창구로 묶는 방안
- 공정 용수 재이용률 목표를 정하고 설비 투자 세액공제와 연동하는 방안
- 클러스터 인근에 재생에너지와 저장장치를 결합한 분산형 전원을 배치하는 방안

> 세제 혜택은 투자를 불러올 수 있지만, 전기와 물이 없으면 그 투자는 가동되지 않는다.

결국 입지 경쟁의 승부처는 보조금의 크기보다 인프라가 준비되는 속도다. 송전망과 용수 계획이 공장 설계와 같은 시간표 위에서 움직일 때 클러스터는 비로소 계획서 밖으로 나올 수 있다. 지역별 전력 사용량 추이는 [국가통계포털](https://kosis.kr)에서 확인할 수 있다.`,
    locale: "ko",
    heroImage: "/images/hero/semiconductor-cluster-power-water.jpg",
    heroAlt: "청록과 남색 그라데이션 위로 반투명한 원과 사각형, 가느다란 직선이 겹친 추상 일러스트",
    heroCaption: "반도체 클러스터의 성패는 전력과 용수 인프라가 얼마나 빨리 갖춰지느냐에 달려 있다.",
    heroCredit: CREDIT_KO,
    section: "economy",
    authors: ["park-minjun", "kim-seoyeon"],
    tags: [T.semiconductors, T.energyTransition, T.powerGrid],
    access: "public",
    publishedDaysAgo: 1.5,
    updatedDaysAgo: 0.8,
  },
  {
    slug: "transmission-grid-bottleneck",
    title: "재생에너지 확대의 진짜 병목은 송전망이다",
    dek: ["태양광과 풍력 설비는 빠르게 늘고 있지만, 만든 전기를 보낼 길이 부족하다.", "출력제한이 잦아지는 지역부터 송전 투자 우선순위를 다시 짜야 한다."],
    body: `재생에너지 설비가 늘어날수록 역설적으로 버려지는 전기도 늘고 있다. 햇빛이 강한 봄철 한낮이나 바람이 센 밤이면 일부 지역에서는 멀쩡히 돌아갈 수 있는 발전기의 출력을 강제로 낮추는 일이 반복된다. 전력망이 감당할 수 있는 양보다 많은 전기가 한꺼번에 몰리기 때문이다.

## 출력제한은 신호다

출력제한은 단순한 운영상의 불편이 아니다. 발전 사업자에게는 수익의 불확실성이 커지는 일이고, 사회 전체로 보면 이미 투자한 설비를 놀리는 셈이다. 무엇보다 이는 **송전망 확충 속도가 발전 설비 보급 속도를 따라가지 못하고 있다**는 가장 분명한 신호다.

아래 표는 Masthead가 공개 자료를 바탕으로 지역 유형별 특징을 정리한 것이다. 정확한 수치보다는 경향을 보여 주기 위한 분류다.

| 지역 유형 | 재생에너지 비중 | 출력제한 빈도 | 송전 여유 |
|---|---|---|---|
| 도서 지역 | 높음 | 잦음 | 매우 부족 |
| 서남해안 | 높음 | 증가 추세 | 부족 |
| 수도권 | 낮음 | 드묾 | 보통 |

## 무엇을 먼저 해야 하나

송전선로 건설에는 오랜 시간이 걸리는 만큼 단기 처방과 장기 처방을 나눠서 봐야 한다.

- 단기: 에너지저장장치와 수요 반응 자원으로 한낮의 잉여 전력을 흡수
- 중기: 기존 선로의 송전 용량을 늘리는 설비 교체와 실시간 용량 산정 도입
- 장기: 해안의 발전 단지와 내륙의 수요지를 잇는 초고압 직류 송전망 구축

> 전력망은 에너지 전환의 배관이다. 배관이 막히면 아무리 깨끗한 물도 흐르지 않는다.

송전망 투자는 해외에서도 에너지 전환의 핵심 과제로 꼽힌다. 국가별 전력망 정책 비교 자료는 [국제에너지기구 웹사이트](https://www.iea.org)에서 찾아볼 수 있다. 발전 설비 목표만큼이나 송전망 목표를 구체적으로 세우는 것이 다음 단계의 과제다.`,
    locale: "ko",
    heroImage: "/images/hero/transmission-grid-bottleneck.jpg",
    heroAlt: "주황빛 노을 색 배경 위로 가느다란 평행선들이 지나가고 선 위에 작은 원형 노드가 맺힌 추상적인 송전망 일러스트",
    heroCaption: "재생에너지 설비가 늘수록 전기를 실어 나를 송전망의 중요성도 커진다.",
    heroCredit: CREDIT_KO,
    section: "research",
    authors: ["kim-seoyeon"],
    tags: [T.energyTransition, T.powerGrid],
    access: "public",
    publishedDaysAgo: 9,
  },
  {
    slug: "weekly-data-apartment-transactions",
    title: "주간 데이터: 수도권 아파트 거래량, 석 달 만에 반등",
    dek: ["이번 주 집계된 수도권 아파트 매매 신고 건수가 직전 4주 평균을 웃돌았다.", "거래는 늘었지만 가격 흐름은 지역별로 엇갈린다."],
    body: `이번 주 주간 데이터는 수도권 아파트 매매 거래량이다. 실거래 신고 자료를 주 단위로 다시 묶어 보니, 최근 한 주 동안 신고된 거래 건수가 직전 4주 평균을 웃돌며 석 달 만에 뚜렷한 반등세를 보였다.

다만 실거래 신고는 계약 뒤 일정 기간 안에만 하면 되기 때문에 가장 최근 주의 수치는 앞으로 더 늘어날 수 있다. 아래 표는 신고 지연을 감안해 Masthead가 보정한 추정치다.

| 지역 | 직전 4주 평균 대비 | 가격 흐름 |
|---|---|---|
| 서울 | 증가 | 소폭 상승 |
| 경기 | 소폭 증가 | 보합 |
| 인천 | 보합 | 소폭 하락 |

## 읽을 때 주의할 점

- **계절 요인**: 이사 수요가 몰리는 시기에는 거래가 일시적으로 늘어난다
- **신고 지연**: 최근 1~2주 수치는 이후에 상향 조정되는 경우가 많다
- **표본 크기**: 구 단위로 쪼개 보면 거래 건수가 적어 변동성이 커진다

> 거래량은 가격보다 먼저 움직이는 경향이 있지만, 한두 주의 반등을 추세로 단정하기는 이르다.

대출 규제와 금리 흐름이 크게 달라지지 않는다면 이번 반등이 본격적인 회복으로 이어질지는 몇 주 더 지켜봐야 한다. 원자료는 [국토교통부 실거래가 공개시스템](https://rt.molit.go.kr)에서 누구나 확인할 수 있다.

다음 주에는 전월세 거래의 보증금 분포가 어떻게 달라졌는지 살펴본다.`,
    locale: "ko",
    heroImage: "/images/hero/weekly-data-apartment-transactions.jpg",
    heroAlt: "높이가 서로 다른 세로 막대와 작은 사각형이 층층이 쌓인 모습을 파스텔 톤으로 표현한 추상 그래픽",
    heroCaption: "수도권 아파트 거래량은 석 달 만에 반등했지만 지역별 흐름은 엇갈린다.",
    heroCredit: CREDIT_KO,
    section: "weekly-data",
    authors: ["lee-hana"],
    tags: [T.housing],
    access: "public",
    publishedDaysAgo: 0.2,
  },
  {
    slug: "chip-export-controls-supply-chain",
    title: "What export controls mean for Asia's semiconductor supply chains",
    dek: [
      "Restrictions on advanced chips and chipmaking tools are reshaping where factories get built.",
      "For Korean firms, the main cost is uncertainty rather than lost sales.",
    ],
    body: `Export controls on advanced chips and chipmaking equipment have become a permanent feature of the semiconductor industry rather than a passing shock. Rules that once targeted a handful of products now reach whole categories of tools, design software and services.

For companies with factories spread across Asia, the effect is less a single dramatic loss than a steady rise in friction. Licences take time, compliance teams grow, and investment decisions that used to hinge on cost and talent now also hinge on regulatory risk.

## Three shifts to watch

- **Capacity is being duplicated**, not simply relocated, as firms hedge against future restrictions
- Equipment makers are designing product lines with export rules in mind from the start
- Customers increasingly ask suppliers to document where each component was made

Duplication is expensive. A leading-edge fab costs many billions of dollars, and building similar capacity in several jurisdictions raises costs for the whole industry. Some of that will eventually show up in the price of the phones, laptops and servers that rely on these chips.

> Supply chains are no longer optimised only for efficiency. They are optimised for resilience, and resilience has a price.

For Korean chipmakers, the hardest part is planning. Long-term investments depend on licences that can be renewed, narrowed or withdrawn, sometimes at short notice. Firms that can document their supply chains clearly and spread their customer base will be better placed to absorb the next round of rules. Industry associations such as [SEMI](https://www.semi.org) publish useful background on the equipment and materials involved.`,
    locale: "en",
    heroImage: "/images/hero/chip-export-controls-supply-chain.jpg",
    heroAlt: "Abstract illustration of interlocking squares and routing lines in deep blue and amber, suggesting a chip layout and shipping routes",
    heroCaption: "Export rules are pushing chipmakers to build duplicate capacity across Asia.",
    heroCredit: CREDIT_EN,
    section: "technology",
    authors: ["daniel-cho"],
    tags: [T.chipIndustry, T.koreanEconomy],
    access: "public",
    publishedDaysAgo: 4,
  },
  {
    slug: "weekly-data-tropical-nights",
    title: "Weekly Data: Tropical nights are arriving earlier and lasting longer",
    dek: [
      "Nights when the temperature stays above 25°C are becoming more common in Korean cities.",
      "Older residents in poorly ventilated homes carry most of the health risk.",
    ],
    body: `This week's data looks at tropical nights: nights when the minimum temperature does not fall below 25°C. They matter because the body recovers from daytime heat at night. When nights stay hot, heat-related illness rises, especially among older people.

Using public weather-station records, we compared the number of tropical nights in several large cities across two periods a generation apart. The broad pattern is clear: tropical nights are more frequent than they used to be, and the season starts earlier in the summer.

| City type | Earlier period | Recent period | Trend |
|---|---|---|---|
| Large coastal city | Moderate | High | Rising |
| Capital region | Low | Moderate | Rising fast |
| Inland city | Low | Moderate | Rising |

The categories above are rounded from our own analysis and are meant to show direction rather than precise counts.

## Who is exposed

- **Older adults living alone**, who may not notice early signs of dehydration
- Residents of top-floor and semi-basement flats with poor ventilation
- Outdoor workers who start early and cannot rest during the hottest hours

> Heat is the least visible climate hazard. It rarely damages buildings, but it damages bodies.

Cities are experimenting with cooling shelters that stay open at night, check-in calls for residents living alone, and shade programmes around bus stops. Readers who want to run their own numbers can download station data from the [Korea Meteorological Administration's open data portal](https://data.kma.go.kr).`,
    locale: "en",
    heroImage: "/images/hero/weekly-data-tropical-nights.jpg",
    heroAlt: "Abstract night-sky illustration with a warm orange glow beneath deep violet, crossed by soft horizontal bands of light",
    heroCaption: "Tropical nights are becoming more frequent across Korean cities.",
    heroCredit: CREDIT_EN,
    section: "weekly-data",
    authors: ["lee-hana"],
    tags: [T.climate, T.demographics],
    access: "public",
    publishedDaysAgo: 7,
    updatedDaysAgo: 3,
  },

  // ───────────────────────────── free (members) ─────────────────────────────
  {
    slug: "ai-regulation-compliance-checklist",
    title: "AI 규제 시대, 기업이 지금 점검해야 할 다섯 가지",
    dek: [
      "인공지능 관련 법제가 잇따라 정비되면서 AI 도입은 기술 과제를 넘어 경영 과제가 됐다.",
      "규제 대응의 출발점은 우리 회사가 어떤 AI를 어디에 쓰는지 아는 것이다.",
    ],
    body: `인공지능을 제품과 서비스에 도입한 기업들이 요즘 가장 많이 던지는 질문은 "우리 서비스도 규제 대상인가"이다. 국내외에서 인공지능 관련 법제가 잇따라 정비되면서, 기술팀 안에서 머물던 AI 도입 논의가 이제는 법무와 감사, 고객 대응까지 아우르는 경영 의제가 됐다.

규제의 큰 방향은 나라마다 비슷하다. 사람의 생명이나 기본권에 큰 영향을 줄 수 있는 영역에서 쓰이는 AI에는 더 무거운 의무를 지우고, 생성형 AI가 만든 결과물에는 그 사실을 알리도록 하는 식이다. 다만 세부 기준과 적용 시점은 제각각이고, 하위 규정이 마련되는 과정에서 해석이 달라질 여지도 크다.

<!-- paywall -->

## 1. 우리 회사의 AI부터 목록으로 만들어라

가장 먼저 할 일은 사내에서 쓰이는 AI 시스템의 목록을 만드는 것이다. 외부에서 도입한 솔루션, 직원들이 개별적으로 쓰는 생성형 AI 도구, 자체 개발한 추천 알고리즘까지 모두 포함해야 한다. 많은 기업이 이 단계에서 어느 부서가 어떤 도구를 쓰는지조차 제대로 파악하지 못하고 있었다는 사실을 깨닫는다.

## 2. 영향이 큰 영역을 따로 분류하라

채용, 대출 심사, 의료, 교육 평가처럼 개인의 삶에 직접 영향을 주는 영역은 별도로 관리해야 한다. 이런 영역에서는 다음 항목을 문서로 남겨 두는 것이 좋다.

- 학습 데이터의 출처와 품질 관리 방식
- 결과를 사람이 검토하는 절차와 그 책임자
- 오류나 편향이 발견됐을 때의 시정 절차

## 3. 생성물 표시 원칙을 정하라

생성형 AI로 만든 이미지나 글, 음성을 고객에게 제공한다면 **AI가 만들었다는 사실을 어떻게 알릴지** 미리 정해 두어야 한다. 워터마크와 안내 문구, 메타데이터 가운데 무엇을 쓸지는 서비스 형태에 따라 다르지만, 회사 차원의 원칙이 없으면 부서마다 제각각 대응하게 된다.

## 4. 공급 계약서를 다시 읽어라

외부 AI 모델을 가져다 쓰는 기업이라면 공급 업체와 맺은 계약에서 책임 범위를 다시 확인해야 한다. 모델이 잘못된 결과를 냈을 때 누가 설명하고 누가 배상하는지, 학습 데이터에 관한 정보를 어디까지 받을 수 있는지가 핵심이다.

## 5. 규제 대응을 신뢰 자산으로 보라

> 규제 대응 문서는 감독 기관보다 고객이 먼저 읽게 될 가능성이 크다.

투명성 보고서와 위험 평가 기록은 결국 고객과 투자자에게 보여 줄 수 있는 신뢰의 증거가 된다. 나라별 AI 정책 동향은 [OECD AI 정책 관측소](https://oecd.ai)에서 비교해 볼 수 있다. 준비를 일찍 시작한 기업일수록 규제를 경쟁력으로 바꿀 시간이 많다.`,
    locale: "ko",
    heroImage: "/images/hero/ai-regulation-compliance-checklist.jpg",
    heroAlt: "보라색과 청록색이 섞인 어두운 배경 위에 격자 모양으로 점이 찍히고 몇몇 칸만 빛나는 사각형으로 채워진 추상 일러스트",
    heroCaption: "AI 규제 대응은 사내 AI 시스템의 목록을 만드는 데서 시작한다.",
    heroCredit: CREDIT_KO,
    section: "technology",
    authors: ["park-minjun", "han-jiwoo"],
    tags: [T.aiRegulation, T.techPolicy],
    access: "free",
    publishedDaysAgo: 2.5,
  },
  {
    slug: "youth-rent-from-jeonse-to-wolse",
    title: "전세에서 월세로, 청년 주거비 부담은 어떻게 달라졌나",
    dek: [
      "보증금 사고와 금리 변화를 거치며 청년 임차 가구의 월세 비중이 빠르게 늘었다.",
      "매달 빠져나가는 현금이 늘면서 저축과 자산 형성의 경로도 바뀌고 있다.",
    ],
    body: `20대와 30대 초반 임차 가구 사이에서 월세는 더 이상 '잠시 거쳐 가는 단계'가 아니다. 몇 년 전만 해도 사회초년생이 보증금을 모아 전세로 옮겨 가는 것이 흔한 경로였지만, 요즘은 처음부터 끝까지 월세로 사는 청년이 눈에 띄게 늘었다.

변화의 배경에는 여러 요인이 겹쳐 있다. 전세 보증금을 제때 돌려받지 못하는 사고가 잇따르면서 큰돈을 맡기는 일 자체에 대한 불안이 커졌고, 금리가 오르내리는 동안 전세대출 이자와 월세 사이의 손익 계산도 여러 차례 뒤바뀌었다.

## 매달 나가는 현금이 늘었다

월세 전환이 청년 가계에 미치는 가장 직접적인 영향은 현금 흐름이다. 전세는 목돈이 묶이는 대신 매달 나가는 돈이 상대적으로 적지만, 월세는 소득의 상당 부분이 매달 빠져나간다. Masthead가 공개 가계 조사 자료로 추정해 보니 수도권 1인 청년 월세 가구의 주거비는 소득의 4분의 1 안팎에 이르는 경우가 많았다.

이런 구조에서는 저축할 여력이 줄어든다. 보증금이라는 일종의 '강제 저축' 장치가 사라진 자리를 다른 저축 수단이 채우지 못하면, 청년층이 자산을 모으기 시작하는 시점도 그만큼 늦어진다.

## 정책은 무엇을 놓치고 있나

지금까지 청년 주거 지원은 주로 전세자금 대출과 보증에 초점을 맞춰 왔다. 월세 가구에 대한 지원은 금액이 작거나 요건이 까다로워 체감도가 낮다는 지적이 많다. 검토해 볼 만한 방향은 다음과 같다.

- 월세 세액공제의 소득 기준과 공제율을 현실에 맞게 조정
- 소규모 월세 주택의 관리 품질을 높이는 임대 관리 기준 마련
- 보증금 대신 매달 일정액을 적립하는 청년 전용 저축 상품과의 연계

> 주거 사다리의 첫 칸이 전세에서 월세로 바뀌었다면, 정책의 발판도 함께 옮겨야 한다.

결국 과제는 **월세를 하나의 정상적인 주거 형태로 인정하고** 그에 맞는 안전장치를 갖추는 것이다. 전세 중심으로 설계된 제도를 월세 현실에 맞게 손보지 않으면 청년 주거비 부담은 통계 밖에서 조용히 커질 것이다.

지역별 임대 시세는 [국토교통부 실거래가 공개시스템](https://rt.molit.go.kr)에서 확인할 수 있다. 다음 기사에서는 월세 가구의 주거 면적과 통근 시간 변화를 함께 살펴볼 예정이다.`,
    locale: "ko",
    heroImage: "/images/hero/youth-rent-from-jeonse-to-wolse.jpg",
    heroAlt: "작은 창문 모양의 사각형들이 분홍과 주황 계열 그라데이션 위에 불규칙하게 배열된 추상적인 주거 일러스트",
    heroCaption: "월세로 사는 청년 가구가 늘면서 주거비 구조도 바뀌고 있다.",
    heroCredit: CREDIT_KO,
    section: "economy",
    authors: ["lee-hana", "han-jiwoo"],
    tags: [T.housing, T.laborMarket],
    access: "free",
    publishedDaysAgo: 12,
    updatedDaysAgo: 10,
    previewParagraphs: 2,
  },
  {
    slug: "aging-workforce-productivity",
    title: "An older workforce does not have to mean a slower economy",
    dek: [
      "Korea is aging faster than almost any other economy, but output depends on more than headcount.",
      "Training, smarter automation and flexible retirement can offset much of the drag.",
    ],
    body: `Few economies are aging as quickly as South Korea's. The share of people over 65 is climbing steeply, and the working-age population has already started to shrink. The usual conclusion is gloomy: fewer workers, slower growth, heavier fiscal burdens.

That conclusion is not wrong, but it is incomplete. Output depends on how many people work, how many hours they put in and how productive each of those hours is. Demographics fix the first number far more firmly than the other two.

In other words, an older workforce is a constraint, not a verdict. The real policy question is how much of the demographic drag can be offset by raising participation and productivity among the people who are still working.

## Where the slack is

Our reading of public labour-survey data points to three groups where participation could rise without heroic assumptions:

- **Women in their thirties and forties**, whose employment rates still dip sharply around childbirth
- **Workers in their early sixties**, many of whom leave their main job well before they want to stop working
- Migrant workers, whose visa rules often tie them to a single employer or sector

Each of these groups is large enough to matter. Even modest gains in participation would noticeably soften the decline of the labour force over the next decade.

## Productivity is the bigger lever

Headcount can only do so much. Over the long run, the more important question is whether each worker becomes more productive. Here an older workforce cuts both ways: experienced workers bring judgment and firm-specific knowledge, but their skills can also age faster than the technology around them.

> The risk is not that workers get older. It is that their training stops when they turn forty-five.

Firms that pair experienced staff with automation, rather than replacing them, tend to see the best results. Mid-career retraining, which Korea has historically funded far less generously than early education, is the obvious gap to close. Comparative figures on adult learning are available from the [OECD](https://www.oecd.org/skills/).

None of this reverses demographic change. But it does mean the economic future is less fixed than the population projections alone suggest.`,
    locale: "en",
    heroImage: "/images/hero/aging-workforce-productivity.jpg",
    heroAlt: "Abstract composition of overlapping arcs in muted green and gold, evoking a population curve bending over time",
    heroCaption: "Participation and productivity can offset part of Korea's demographic drag.",
    heroCredit: CREDIT_EN,
    section: "research",
    authors: ["daniel-cho", "lee-hana"],
    tags: [T.demographics, T.koreanEconomy],
    access: "free",
    publishedDaysAgo: 18,
    previewParagraphs: 3,
  },

  // ───────────────────────────── supporter ─────────────────────────────
  {
    slug: "heat-pump-apartment-retrofit",
    title: "아파트 난방 전환, 히트펌프는 답이 될 수 있을까",
    dek: ["건물 부문 탄소 배출을 줄이려면 난방 방식부터 바꿔야 한다.", "공동주택이 많은 한국에서는 기술보다 설치 공간과 주민 합의가 더 큰 과제다."],
    body: `건물 부문 온실가스 배출에서 난방이 차지하는 몫은 작지 않다. 특히 가스보일러가 보편화된 한국의 공동주택은 가구마다 화석연료를 직접 태우는 구조여서, 전력 부문의 탈탄소가 진행되더라도 난방에서 나오는 배출은 그대로 남는다.

해외에서는 이 문제의 해법으로 히트펌프가 자주 거론된다. 공기나 땅속의 열을 끌어와 실내로 옮기는 방식이라 같은 전력으로 몇 배의 열을 낼 수 있다. 문제는 단독주택 중심으로 보급된 이 기술이 고층 아파트에서도 그대로 통하느냐다.

<!-- paywall -->

## 기술보다 공간이 문제

히트펌프의 효율 자체는 이미 검증됐다. 영하의 날씨에도 안정적으로 작동하는 제품이 늘었고, 바닥 난방과 결합했을 때 효율이 특히 높다는 점은 온돌에 익숙한 한국의 주거 문화와도 잘 맞는다. 걸림돌은 실외기를 둘 자리다. 기존 아파트의 발코니와 실외기실은 에어컨 한 대를 두기에도 빠듯한 경우가 많다.

그래서 공동주택에서는 세대별 설치보다 단지 단위의 중앙식 히트펌프나 지역난방망과 연계한 대형 히트펌프가 현실적인 대안으로 꼽힌다. 다만 이 경우에는 입주자 대표회의의 합의와 장기수선충당금 사용 문제가 뒤따른다.

## 비용은 누가 내나

Masthead가 공개된 설비 단가를 바탕으로 대략 정리한 비용 구조는 다음과 같다. 실제 비용은 단지 규모와 기존 설비 상태에 따라 크게 달라진다.

| 방식 | 초기 비용 | 운영비 변화 | 주요 과제 |
|---|---|---|---|
| 세대별 공기열 히트펌프 | 중간 | 감소 | 실외기 공간 |
| 단지 중앙식 히트펌프 | 높음 | 크게 감소 | 입주민 합의 |
| 지역난방 연계 대형 설비 | 매우 높음 | 감소 | 열 요금 체계 |

어떤 방식이든 초기 비용이 높다는 점은 같다. 가스 요금과 전기 요금의 상대 가격이 지금처럼 유지된다면 투자 회수 기간은 길어질 수밖에 없다. **에너지 가격 구조를 손보지 않는 한 보조금만으로는 전환 속도를 끌어올리기 어렵다**는 뜻이다.

정책 설계에서 고려할 만한 점을 정리하면 다음과 같다.

- 신축 공동주택 설계 단계에서 히트펌프 설치 공간을 확보하도록 유도
- 노후 단지 리모델링과 난방 전환을 하나로 묶은 패키지 지원
- 난방용 전력 요금제의 계절별 설계 개선

> 난방 전환은 보일러를 바꾸는 일이 아니라 단지의 의사결정 구조를 바꾸는 일이다.

보일러 교체 주기가 10년 안팎이라는 점을 생각하면, 지금 설치되는 보일러가 2030년대 중반까지의 건물 배출 경로를 결정한다. 각국의 보급 정책은 [국제에너지기구 웹사이트](https://www.iea.org)에서 비교해 볼 수 있다.`,
    locale: "ko",
    heroImage: "/images/hero/heat-pump-apartment-retrofit.jpg",
    heroAlt: "밝은 배경에 따뜻한 붉은색과 차가운 파란색이 번지고, 붉은 원을 중심으로 동심원 궤도와 작은 원들이 도는 추상 일러스트",
    heroCaption: "공동주택의 난방 전환은 설치 공간과 주민 합의라는 과제를 안고 있다.",
    heroCredit: CREDIT_KO,
    section: "research",
    authors: ["kim-seoyeon"],
    tags: [T.energyTransition, T.climateData, T.housing],
    access: "supporter",
    publishedDaysAgo: 25,
  },
  {
    slug: "weekly-data-older-workers",
    title: "주간 데이터: 늘어난 취업자, 대부분 60세 이상에서 나왔다",
    dek: ["최근 1년 사이 늘어난 취업자의 상당 부분이 60세 이상 연령층에 몰려 있다.", "고용 숫자 뒤에는 인구 구조 변화와 단시간 일자리 확대가 함께 숨어 있다."],
    body: `이번 주 주간 데이터는 연령대별 취업자 증감을 살펴본다. 최근 고용 동향을 연령별로 나눠 보면 전체 취업자 증가분 가운데 상당 부분이 60세 이상 연령층에서 나왔다. 같은 기간 20대 취업자는 오히려 줄었다.

숫자만 보면 고령층 고용이 호조를 보이는 것 같지만, 일자리의 질을 함께 보면 그림이 달라진다. 새로 늘어난 고령층 일자리의 상당수는 주 36시간 미만의 단시간 일자리였고, 공공 일자리 사업의 비중도 적지 않았다.

## 연령대별로 보면

아래 표는 Masthead가 공개 고용 통계를 연령대별로 다시 구성한 것이다. 인구 구조 변화의 효과를 함께 보기 위해 인구 증감을 나란히 놓았다. 수치는 방향을 보여 주기 위한 요약이다.

| 연령대 | 취업자 증감 | 인구 증감 | 고용률 변화 |
|---|---|---|---|
| 15~29세 | 감소 | 감소 | 소폭 하락 |
| 30~49세 | 소폭 증가 | 감소 | 상승 |
| 50~59세 | 보합 | 보합 | 보합 |
| 60세 이상 | 크게 증가 | 크게 증가 | 상승 |

표에서 보듯 60세 이상 취업자 증가의 상당 부분은 인구 자체가 늘어난 효과다. 베이비붐 세대가 60대에 본격적으로 들어서면서 이 연령대 인구가 빠르게 불어났다. 반대로 청년층은 인구가 줄어드는 만큼 취업자 수도 줄어드는 구조다.

## 읽을 때 주의할 점

고용 통계를 해석할 때는 다음 세 가지를 함께 봐야 한다.

- **고용률**: 인구 변화의 영향을 걸러 낸 지표로, 취업자 수보다 추세를 더 정확히 보여 준다
- **근로시간**: 단시간 일자리가 늘면 취업자 수가 늘어도 전체 노동 투입은 제자리일 수 있다
- **종사상 지위**: 임금근로자인지 자영업자인지에 따라 소득의 안정성이 크게 다르다

> 취업자가 몇 명 늘었느냐보다 어떤 일자리가 누구에게 늘었느냐가 더 중요하다.

고령층의 노동시장 참여 확대는 노후 소득이 충분하지 않은 현실을 반영하기도 한다. 일하고 싶어서 일하는 것인지, 일할 수밖에 없어서 일하는 것인지에 따라 정책 처방은 완전히 달라진다.

다음 주에는 고령층 일자리의 업종별 분포를 살펴볼 예정이다. 원자료는 [국가통계포털](https://kosis.kr)에서 내려받을 수 있다.`,
    locale: "ko",
    heroImage: "/images/hero/weekly-data-older-workers.jpg",
    heroAlt: "서로 다른 높이의 둥근 막대가 올리브색과 크림색 배경 위에 나란히 선 추상 데이터 그래픽",
    heroCaption: "60세 이상 취업자 증가의 상당 부분은 인구 구조 변화에서 비롯됐다.",
    heroCredit: CREDIT_KO,
    section: "weekly-data",
    authors: ["lee-hana"],
    tags: [T.agingSociety, T.laborMarket],
    access: "supporter",
    publishedDaysAgo: 14,
    previewParagraphs: 2,
  },
  {
    slug: "hbm-memory-race",
    title: "Inside the high-bandwidth memory race",
    dek: [
      "AI accelerators have turned a niche memory product into the industry's most contested market.",
      "Yield, packaging capacity and customer qualification matter more than raw density.",
    ],
    body: `For most of its history the memory business has been a story about commodities: whoever could make the most bits at the lowest cost won, until the next downturn flattened everyone. High-bandwidth memory, or HBM, has changed that story, at least for now.

HBM stacks several DRAM dies on top of one another and links them with thousands of vertical connections, then places the stack right beside the processor. The result is enormous bandwidth, which is exactly what large AI accelerators need to keep their compute units busy.

<!-- paywall -->

## Why it is hard to make

Building a good HBM stack is less about any single breakthrough than about getting many difficult steps right at once. Each die must be thinned, drilled with through-silicon vias, tested and bonded, and a single defective layer can ruin the whole stack. **Yield compounds**: a small loss at each step becomes a large loss across eight or twelve layers.

The main bottlenecks, in rough order of importance:

- Stacking and bonding yield, especially as layer counts rise
- Advanced packaging capacity to place memory next to the processor
- Thermal management, since stacked dies trap heat
- Customer qualification cycles that can take the better part of a year

## Qualification is the moat

That last point is often underestimated. An accelerator designer will not switch memory suppliers casually, because each new supplier has to be qualified against the exact package, thermal envelope and firmware of a specific product. Once a supplier is designed in, it tends to stay in for that generation.

> In HBM, the contract is won in the lab long before it shows up in the earnings.

This dynamic rewards suppliers who move early and punishes those who arrive a generation late, even if their technology eventually catches up. It also makes the market lumpier than commodity DRAM: a single qualification decision can shift market share by double digits.

## What to watch

Three indicators will say more than any quarterly revenue figure: announced capacity for advanced packaging, the number of layers in mass-produced stacks, and whether accelerator designers begin to dual-source more aggressively. Published standards from bodies such as [JEDEC](https://www.jedec.org) are a useful guide to where the specifications are heading.

For Korean memory makers the lesson is that leadership in HBM is not a permanent title. It is a position that has to be won again with every generation.`,
    locale: "en",
    heroImage: "/images/hero/hbm-memory-race.jpg",
    heroAlt: "Abstract stack of translucent horizontal slabs in teal and magenta, suggesting layered memory dies",
    heroCaption: "Stacked memory has become the most contested corner of the chip market.",
    heroCredit: CREDIT_EN,
    section: "technology",
    authors: ["daniel-cho", "park-minjun"],
    tags: [T.chipIndustry, T.koreanEconomy],
    access: "supporter",
    publishedDaysAgo: 31,
    updatedDaysAgo: 29,
  },

  // ───────────────────────────── premium ─────────────────────────────
  {
    slug: "fiscal-rule-local-finance",
    title: "재정준칙과 지방재정: 숫자 뒤에 숨은 선택",
    dek: ["재정준칙 논의가 다시 시작됐지만 지방재정과의 연결 고리는 거의 다뤄지지 않는다.", "중앙정부가 허리띠를 졸라맬 때 그 부담은 어디로 옮겨 가는가."],
    body: `재정준칙 논의는 대개 국가채무 비율과 재정수지 적자 한도라는 두 숫자를 중심으로 이뤄진다. 숫자를 미리 정해 두면 정치적 판단에 따라 재정이 흔들리는 것을 막을 수 있다는 것이 준칙 도입론의 핵심 논리다.

그러나 중앙정부의 장부만 놓고 준칙을 설계하면 중요한 부분이 빠진다. 국가 예산의 상당 부분은 교부세와 보조금의 형태로 지방자치단체에 넘어가고, 복지와 교육, 지역 인프라 지출의 많은 부분이 실제로는 지방에서 집행된다.

중앙정부가 지출 한도를 지키기 위해 이전 재원을 줄이면 장부상으로는 국가 재정이 건전해 보이지만, 부담은 지방으로 옮겨 갈 뿐이다. 이 기사는 그 이동 경로를 따라가 본다.

<!-- paywall -->

## 세수에 연동된 이전 재원

지방으로 내려가는 주요 이전 재원은 내국세 수입의 일정 비율로 정해진다. 세수가 늘면 자동으로 늘고 세수가 줄면 자동으로 줄어드는 구조다. 그래서 경기 둔화로 세수가 줄어드는 해에는 지방재정이 중앙정부보다 먼저, 그리고 더 크게 흔들린다.

Masthead의 분석 모형으로 세수 결손 시나리오를 돌려 보면 충격의 크기는 지자체의 자체 재원 비율에 따라 크게 달라진다. 아래 표는 모형상의 예시다.

| 지자체 유형 | 자체 재원 비율 | 세수 10% 감소 시 세입 감소 폭 |
|---|---|---|
| 광역시 | 높음 | 작음 |
| 중소 도시 | 중간 | 중간 |
| 인구 감소 군 지역 | 낮음 | 큼 |

가장 큰 타격을 받는 곳은 인구가 줄고 고령화가 빠른 군 지역이다. 이들 지역은 자체 세입이 적어 이전 재원에 크게 의존하는 반면, 돌봄과 의료 같은 지출 수요는 오히려 늘고 있다. **재정 여력이 가장 작은 곳이 경기 변동의 충격을 가장 크게 받는 구조**다.

(편집자 주: 이 단락은 프리미엄 회원 전용 분석 구간이며, 콘텐츠 보호 점검용 표식 GATED-MARKER-7f3a를 담고 있다.)

## 준칙 설계에 담아야 할 것

재정준칙이 지방재정을 불안정하게 만들지 않으려면 설계 단계에서 몇 가지 장치가 필요하다.

- 세수 변동에 따른 이전 재원 감소분을 여러 해에 걸쳐 나눠 반영하는 완충 장치
- 지방재정 안정화 기금의 적립 규칙과 인출 요건 명문화
- 인구 감소 지역의 기준 재정 수요를 산정하는 방식 개선

> 준칙은 숫자를 지키는 장치이지만, 어떤 숫자를 지킬지는 결국 정치의 선택이다.

재정준칙은 필요하다. 다만 그것이 중앙정부의 장부만 깨끗하게 만드는 장치가 되어서는 곤란하다. 지자체별 재정 현황은 [지방재정365](https://lofin.mois.go.kr)에서 확인할 수 있다.`,
    locale: "ko",
    heroImage: "/images/hero/fiscal-rule-local-finance.jpg",
    heroAlt: "짙은 남색 배경 위 받침대에 올린 막대 양쪽에 크기가 다른 금색 원들이 저울처럼 균형을 이루는 추상 일러스트",
    heroCaption: "재정준칙의 설계는 중앙과 지방 사이의 부담 배분 문제이기도 하다.",
    heroCredit: CREDIT_KO,
    section: "economy",
    authors: ["han-jiwoo"],
    tags: [T.fiscalPolicy, T.agingSociety],
    access: "premium",
    publishedDaysAgo: 0.6,
  },
  {
    slug: "advanced-packaging-foundry",
    title: "첨단 패키징이 파운드리 경쟁의 판을 바꾼다",
    dek: ["미세공정 경쟁이 물리적 한계에 다가서면서 칩을 '어떻게 묶느냐'가 성능을 좌우하기 시작했다.", "패키징은 이제 후공정이 아니라 설계의 일부다."],
    body: `수십 년 동안 칩 성능을 끌어올리는 공식은 단순했다. 트랜지스터를 더 작게 만들어 같은 면적에 더 많이 넣는 것이다. 그러나 회로 선폭이 원자 몇십 개 수준까지 줄어들면서 미세화에 드는 비용은 가파르게 늘었고, 그에 비해 얻는 성능 향상 폭은 오히려 줄었다.

그 빈자리를 채우고 있는 것이 첨단 패키징이다. 여러 개의 작은 칩을 하나의 패키지 안에서 가깝게 잇거나 위아래로 쌓아 하나의 큰 칩처럼 작동하게 만드는 기술이다. 흔히 '칩렛'이라고 부르는 설계 방식도 이 흐름 위에 있다.

이 변화는 파운드리 산업의 경쟁 구도를 근본적으로 바꾸고 있다. 예전에는 누가 더 앞선 공정을 먼저 양산하느냐가 승부를 갈랐다면, 이제는 공정과 패키징을 얼마나 매끄럽게 묶어 고객에게 제공하느냐가 중요해졌다.

## 후공정에서 핵심 공정으로

전통적으로 패키징은 완성된 칩을 보호하고 기판에 연결하는 '후공정'으로 분류됐다. 부가가치가 낮고 인건비가 중요한 분야로 여겨져 상당 부분이 외주로 처리됐다. 지금은 사정이 다르다. 실리콘 인터포저나 하이브리드 본딩 같은 기술은 전공정 못지않은 정밀도와 설비 투자를 요구한다.

고객의 요구도 바뀌었다. AI 가속기를 설계하는 기업들은 연산 칩과 고대역폭 메모리를 한 패키지에 묶은 완성품을 원한다. 이때 파운드리가 공정만 제공하고 패키징은 다른 업체에 맡겨야 한다면 일정과 수율 관리가 복잡해지고 책임 소재도 흐려진다.

## 경쟁력을 가르는 요소

첨단 패키징 경쟁에서 눈여겨봐야 할 요소는 다음과 같다.

- **통합 서비스 역량**: 설계 지원부터 전공정, 패키징, 테스트까지 한 번에 제공할 수 있는가
- **생산 능력**: 인터포저와 본딩 설비를 얼마나 빠르게 늘릴 수 있는가
- **생태계**: 소재·장비 협력사와 표준 인터페이스를 얼마나 두텁게 확보했는가

> 미세공정이 칩의 두뇌를 만든다면, 패키징은 그 두뇌들을 잇는 신경망을 만든다.

한국 기업에는 기회와 위험이 함께 있다. 메모리 분야에서 쌓은 적층 기술은 분명한 자산이지만, 로직 칩과 메모리를 함께 묶는 통합 패키징에서는 생산 능력과 고객 기반을 더 넓혀야 한다. 국내 후공정 생태계가 상대적으로 얇다는 점도 약점으로 꼽힌다.

정책 측면에서는 패키징을 전공정과 동등한 전략 기술로 인정하고 관련 인력 양성과 시험 생산 설비 구축을 서둘러야 한다는 목소리가 커지고 있다. 이종 집적 기술에 관한 국제 논의는 [IEEE 전자패키징 학회](https://eps.ieee.org)의 자료에서 살펴볼 수 있다.

미세화 경쟁이 끝난 것은 아니다. 다만 이제 그 경쟁은 패키징이라는 두 번째 전장과 함께 치러지고 있다.`,
    locale: "ko",
    heroImage: "/images/hero/advanced-packaging-foundry.jpg",
    heroAlt: "여러 개의 작은 사각형 타일이 큰 사각형 안에 정렬되어 빛나는 모습을 보라와 청록 계열로 표현한 추상 일러스트",
    heroCaption: "칩을 쌓고 잇는 패키징 기술이 파운드리 경쟁의 새 전장으로 떠올랐다.",
    heroCredit: CREDIT_KO,
    section: "technology",
    authors: ["park-minjun"],
    tags: [T.semiconductors, T.techPolicy],
    access: "premium",
    publishedDaysAgo: 3.2,
    unlockInDays: 3,
    previewParagraphs: 3,
  },
  {
    slug: "flood-risk-climate-data",
    title: "기후 데이터로 다시 그린 도시 침수 위험 지도",
    dek: [
      "과거 강우 기록에 기대 만든 침수 대비 기준이 빠르게 낡아 가고 있다.",
      "시간당 강우 자료를 건물 단위로 겹쳐 보면 위험은 반지하와 저지대 주거지에 몰려 있다.",
    ],
    body: `도시의 배수 시설은 '몇 년에 한 번 올 만한 비'를 기준으로 설계된다. 문제는 그 기준이 과거의 강우 기록에서 나온다는 점이다. 짧은 시간에 많은 비가 쏟아지는 극한 강우가 잦아지면서 과거 기준으로 만든 시설이 지금의 비를 감당하지 못하는 일이 늘고 있다.

Masthead는 공개된 시간당 강우 자료와 지형 자료, 건축물 정보를 결합해 도시 침수 위험을 건물 단위로 다시 계산해 봤다. 결과는 예상한 대로이면서도 무거웠다. 위험은 도시 전체에 고르게 퍼져 있지 않고 특정 유형의 주거지에 뚜렷하게 몰려 있었다.

<!-- paywall -->

## 분석 방법

분석은 세 단계로 진행했다. 먼저 지난 수십 년간의 시간당 강우 자료로 극한 강우의 빈도 변화를 추정했다. 다음으로 수치 표고 자료를 이용해 빗물이 모이는 저지대를 찾았다. 마지막으로 건축물 정보와 겹쳐 지하층이나 반지하층이 있는 주거용 건물을 골라냈다.

이 방식에는 한계도 있다. 하수관로의 실제 용량과 막힘 상태, 빗물 펌프장의 운영 상황은 공개 자료로 파악하기 어려워 반영하지 못했다. 따라서 결과는 절대적인 위험도라기보다 **상대적인 위험 순위**로 읽어야 한다.

## 위험이 몰리는 곳

분석 결과를 건물 유형별로 요약하면 다음과 같다.

| 구분 | 전체 건물 중 비중 | 고위험 구역 안 비중 |
|---|---|---|
| 반지하 포함 주거 건물 | 낮음 | 높음 |
| 일반 저층 주거 건물 | 중간 | 중간 |
| 고층 공동주택 | 높음 | 낮음 |

고위험 구역에 있는 반지하 주거 건물은 대부분 지은 지 오래된 다세대·다가구 주택이었다. 임대료가 상대적으로 낮아 고령 가구와 저소득 가구, 청년 1인 가구가 많이 사는 곳이다. 기후 위험이 주거 취약성과 정확히 겹치는 지점이다.

> 같은 비가 내려도 피해는 같지 않다. 물은 가장 낮은 곳, 그리고 가장 취약한 사람에게 먼저 닿는다.

## 무엇을 바꿔야 하나

분석을 토대로 정책 우선순위를 정리하면 다음과 같다.

- 배수 설계 기준을 과거 기록이 아닌 기후 전망 기반 강우량으로 갱신
- 고위험 구역 반지하 주택에 침수 방지 설비와 대피 알림을 우선 지원
- 침수 위험 정보를 임대차 계약 단계에서 세입자에게 알리는 제도 검토

침수 위험 지도는 만드는 것보다 실제로 쓰이게 하는 것이 더 어렵다. 위험 정보가 부동산 가격에 미칠 영향을 걱정하는 목소리도 있지만, 정보를 감추는 비용은 결국 가장 취약한 거주자가 치르게 된다. 강우 원자료는 [기상자료개방포털](https://data.kma.go.kr)에서 누구나 내려받을 수 있다.`,
    locale: "ko",
    heroImage: "/images/hero/flood-risk-climate-data.jpg",
    heroAlt: "짙은 청색 물결 모양 곡선이 겹겹이 쌓여 화면 아래쪽을 채운 추상 일러스트",
    heroCaption: "극한 강우의 위험은 저지대 반지하 주거지에 집중된다.",
    heroCredit: CREDIT_KO,
    section: "research",
    authors: ["kim-seoyeon", "lee-hana"],
    tags: [T.climateData, T.housing],
    access: "premium",
    publishedDaysAgo: 45,
    updatedDaysAgo: 40,
  },
  {
    slug: "pension-reform-arithmetic",
    title: "The arithmetic of pension reform",
    dek: [
      "Every pension reform is a choice about who pays, when, and how much.",
      "We modelled three stylised options to show the trade-offs behind the headlines.",
    ],
    body: `Pension reform debates tend to collapse into a single number: the contribution rate, the replacement rate or the year the reserve fund runs dry. Each of these matters, but none of them on its own tells you whether a reform is fair or sustainable.

A partly funded scheme, a large reserve fund and a rapidly aging population make the arithmetic unforgiving. Every reform option is, at bottom, a decision about how the burden is shared between today's workers, today's retirees and generations not yet in the labour market.

## Three stylised options

To make the trade-offs concrete, we built a simple model of a national pension scheme with demographic assumptions broadly in line with public projections. The results below are illustrative and should not be read as forecasts.

| Option | Contribution rate | Replacement rate | Fund depletion |
|---|---|---|---|
| Status quo | Unchanged | Unchanged | Earliest |
| Pay more | Raised gradually | Unchanged | Delayed by about a decade |
| Pay more, get more | Raised gradually | Raised slightly | Delayed by a few years |

The pattern is intuitive. Raising contributions buys time; raising benefits spends some of that time. What the table hides is **who** pays. Contribution increases phased in over many years fall mostly on younger workers, while benefit changes apply largely to people close to retirement.

## Beyond the headline numbers

Several levers get less attention than they deserve:

- Returns on the reserve fund, where small differences compound over decades
- The retirement age, and the age at which benefits start
- Coverage gaps among the self-employed and platform workers
- Automatic adjustment mechanisms that link benefits to life expectancy

> A reform that balances the books by 2080 but loses the trust of thirty-year-olds has not really balanced anything.

Automatic adjustment mechanisms are politically attractive because they take some decisions out of the annual budget fight. But they also shift risk onto retirees in ways that are easy to miss while the mechanism is being designed.

The honest conclusion is that there is no painless option. The useful question is not which reform avoids pain, but which one distributes it most transparently. Comparative data on pension systems is available from the [OECD](https://www.oecd.org/pensions/).

We will publish the full model, with adjustable assumptions, in a follow-up piece.`,
    locale: "en",
    heroImage: "/images/hero/pension-reform-arithmetic.jpg",
    heroAlt: "Abstract illustration of stacked coin-like discs and a long descending curve in slate blue and coral",
    heroCaption: "Pension reform is ultimately a choice about how burdens are shared across generations.",
    heroCredit: CREDIT_EN,
    section: "economy",
    authors: ["lee-hana", "daniel-cho"],
    tags: [T.demographics, T.koreanEconomy],
    access: "premium",
    publishedDaysAgo: 60,
    previewParagraphs: 2,
  },
];
