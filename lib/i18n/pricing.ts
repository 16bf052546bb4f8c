import type { UiLang, Widen } from "./lang";

// The pricing page's strings, for its client plan cards (and the server pages that show plans).

export const koPricing = {
  title: "구독 플랜",
  intro: "독자의 구독이 마스트헤드의 독립적인 연구와 보도를 지탱합니다. 언제든 해지할 수 있고, 남은 기간까지는 계속 이용할 수 있습니다.",
  monthly: "월간",
  yearly: "연간",
  perMonth: "/월",
  perYear: "/년",
  free: "무료",
  current: "현재 이용 중",
  choose: (name: string) => `${name} 구독하기`,
  joinFree: "무료 회원 가입",
  comments: "댓글 토론 참여",
  yearlySaving: (amount: string, percent: number) => `연간 결제 시 ${amount} 절약 (${percent}%)`,
  yearlySavingShort: (percent: number) => `최대 ${percent}% 절약`,
  intervalLabel: "결제 주기",
  signInFirst: "구독하려면 먼저 로그인하세요.",
};

export const enPricing: Widen<typeof koPricing> = {
  title: "Plans",
  intro: "Reader subscriptions keep Masthead's research and reporting independent. Cancel any time and keep access until the end of the period.",
  monthly: "Monthly",
  yearly: "Yearly",
  perMonth: "/mo",
  perYear: "/yr",
  free: "Free",
  current: "Your plan",
  choose: (name: string) => `Subscribe to ${name}`,
  joinFree: "Join for free",
  comments: "Join the comment discussions",
  yearlySaving: (amount: string, percent: number) => `Save ${amount} a year (${percent}%)`,
  yearlySavingShort: (percent: number) => `Save up to ${percent}%`,
  intervalLabel: "Billing period",
  signInFirst: "Sign in first to subscribe.",
};

export function pricingDict(lang: UiLang): Widen<typeof koPricing> {
  return lang === "en" ? enPricing : koPricing;
}
