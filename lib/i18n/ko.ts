export const ko = {
  siteName: "마스트헤드",
  tagline: "깊이 읽는 연구와 뉴스",
  skipToContent: "본문으로 건너뛰기",
  nav: { home: "홈", sections: "섹션", search: "검색", pricing: "구독", account: "내 계정", signIn: "로그인", menu: "주요 메뉴" },
  langSwitch: { label: "언어", other: "English", otherHref: "en" },
  home: { lead: "오늘의 주요 기사", latest: "최신 기사", more: "더 보기", empty: "아직 발행된 기사가 없습니다." },
  article: {
    by: "글",
    published: "발행",
    updated: "수정",
    tags: "태그",
    related: "관련 기사",
    aboutAuthor: "기자 소개",
    memberSince: (date: string) => `${date}부터 함께함`,
    photo: "사진",
    unlocksOn: (date: string) => `${date}에 모두에게 공개됩니다.`,
  },
  access: {
    public: "전체 공개",
    free: "회원 전용",
    tier: (name: string) => `${name} 전용`,
  },
  paywall: {
    title: (tier: string) => `이 기사의 나머지는 ${tier} 독자에게 열려 있습니다`,
    membersTitle: "이 기사의 나머지는 회원에게 열려 있습니다",
    body: "구독하면 전문과 아카이브, 심층 리포트를 읽을 수 있습니다.",
    membersBody: "무료 회원으로 가입하면 바로 이어서 읽을 수 있습니다.",
    subscribe: "구독 플랜 보기",
    signIn: "로그인",
    signUpFree: "무료로 가입하기",
  },
  author: { pieces: "쓴 기사", empty: "아직 쓴 기사가 없습니다." },
  section: { pieces: "기사", empty: "이 섹션에는 아직 기사가 없습니다.", series: "연재" },
  tag: { heading: (name: string) => `#${name}`, empty: "이 태그가 붙은 기사가 없습니다." },
  search: {
    title: "검색",
    label: "검색어",
    placeholder: "기사, 주제, 인물 검색",
    submit: "검색",
    results: (n: number, q: string) => `‘${q}’ 검색 결과 ${n}건`,
    none: (q: string) => `‘${q}’에 대한 결과가 없습니다. 다른 검색어를 시도해 보세요.`,
    prompt: "찾고 싶은 주제나 단어를 입력하세요.",
    tooLong: "검색어가 너무 길어 앞부분만 사용했습니다.",
  },
  notFound: { title: "페이지를 찾을 수 없습니다", body: "주소가 바뀌었거나 삭제된 페이지일 수 있습니다.", home: "홈으로 가기" },
  error: { title: "문제가 발생했습니다", body: "잠시 후 다시 시도해 주세요. 문제가 계속되면 알려 주세요.", retry: "다시 시도" },
  footer: { rights: "모든 권리 보유.", feed: "RSS", about: "마스트헤드는 독자가 지원하는 독립 매체입니다." },
  loading: "불러오는 중…",
};

export type Dictionary = {
  [K in keyof typeof ko]: (typeof ko)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : (typeof ko)[K] extends object
      ? { [P in keyof (typeof ko)[K]]: (typeof ko)[K][P] extends (...args: infer B) => string ? (...args: B) => string : string }
      : string;
};
