// Reader-facing words of the private feed (channel and account page), kept beside the feature.
import type { UiLang } from "@/lib/i18n";

const ko = {
  channelTitle: (site: string) => `${site} — 개인 전문 피드`,
  channelDescription: "구독자 전용 피드입니다. 이 주소는 다른 사람과 공유하지 마세요.",
  heading: "개인 RSS 피드",
  intro: "구독 중인 등급으로 읽을 수 있는 기사의 전문을 RSS 리더에서 받아 볼 수 있습니다. 주소는 비밀번호처럼 다뤄 주세요.",
  paidOnly: "개인 전문 피드는 유료 구독자에게 제공됩니다.",
  none: "아직 개인 피드 주소가 없습니다.",
  live: (date: string) => `개인 피드 주소가 ${date}부터 사용 중입니다. 보안을 위해 주소는 만들 때 한 번만 보여 드립니다. 주소를 잃어버렸다면 새로 발급하세요.`,
  lapsed: "지금은 유료 구독이 없어 이 피드에는 기사 앞부분만 실립니다.",
  newUrl: "새 피드 주소 (지금 복사해 두세요)",
  copy: "주소 복사",
  copied: "복사했습니다",
  create: "피드 주소 만들기",
  rotate: "새 주소 발급 (기존 주소 중지)",
  revoke: "피드 주소 중지",
  revoked: "피드 주소를 중지했습니다.",
  errors: {
    unauthorized: "다시 로그인해 주세요.",
    forbidden: "유료 구독자만 개인 피드를 만들 수 있습니다.",
    failed: "처리하지 못했습니다. 잠시 후 다시 시도해 주세요.",
  },
};

export type FeedMessages = typeof ko;

const en: FeedMessages = {
  channelTitle: (site: string) => `${site} — your full-text feed`,
  channelDescription: "A personal feed for subscribers. Do not share this address.",
  heading: "Private RSS feed",
  intro: "Read the full text of everything your subscription unlocks in any RSS reader. Treat the address like a password.",
  paidOnly: "Private full-text feeds come with a paid subscription.",
  none: "You have no private feed address yet.",
  live: (date: string) =>
    `Your private feed address has been active since ${date}. For security it is shown only once, when it is created; if you lost it, issue a new one.`,
  lapsed: "Without a paid subscription this feed carries only the opening of each piece.",
  newUrl: "Your new feed address (copy it now)",
  copy: "Copy address",
  copied: "Copied",
  create: "Create feed address",
  rotate: "Issue a new address (stops the old one)",
  revoke: "Stop feed address",
  revoked: "Your feed address has been stopped.",
  errors: {
    unauthorized: "Please sign in again.",
    forbidden: "Only paying subscribers can create a private feed.",
    failed: "That did not work. Please try again in a moment.",
  },
};

export function feedMessages(lang: UiLang): FeedMessages {
  return lang === "en" ? en : ko;
}
