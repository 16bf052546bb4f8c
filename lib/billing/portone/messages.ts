import type { UiLang } from "@/lib/i18n";

// The PortOne checkout's and portal's words (Korean first; English for /en).
const ko = {
  title: "결제",
  standInBadge: "데모 (PortOne 대역)",
  standInNotice: "PortOne 키가 없어 로컬 대역 서버가 PortOne을 대신합니다. 실제로 청구되지 않습니다. 4000 0000 0000 0002 카드는 거절됩니다.",
  method: "결제 수단",
  methods: { CARD: "신용·체크카드", KAKAOPAY: "카카오페이", NAVERPAY: "네이버페이", TOSSPAY: "토스페이" } as Record<string, string>,
  cardNumber: "카드 번호",
  expiry: "유효기간 (MM/YY)",
  vatIncluded: (vat: string) => `부가세 ${vat} 포함`,
  pay: (amount: string) => `${amount} 결제하고 구독하기`,
  paying: "결제 중…",
  declined: (detail: string) => `카드사에서 결제를 거절했습니다 (${detail}). 다른 결제 수단으로 다시 시도해 주세요.`,
  unavailable: "결제 대행사(PortOne)에 연결할 수 없어 결제하지 못했습니다. 청구된 금액은 없습니다. 잠시 후 다시 시도해 주세요.",
  keyRefused: "결제 수단을 등록하지 못했습니다. 다시 시도해 주세요.",
  cancelledByUser: "결제창을 닫았습니다. 다시 시도하려면 버튼을 누르세요.",
  notice: "정기결제: 매 기간이 끝날 때 같은 금액이 자동으로 결제됩니다. 언제든 계정 페이지에서 해지할 수 있습니다. 가격이 오르면 30일 전에 알려 드립니다.",
  portalSection: "PortOne 구독",
  refundNote: "환불하면 접근이 즉시 끝납니다.",
};
const en: typeof ko = {
  title: "Checkout",
  standInBadge: "Demo (PortOne stand-in)",
  standInNotice: "No PortOne keys are set, so a local stand-in plays PortOne. Nothing is charged. The card 4000 0000 0000 0002 is declined.",
  method: "Payment method",
  methods: { CARD: "Credit or debit card", KAKAOPAY: "Kakao Pay", NAVERPAY: "Naver Pay", TOSSPAY: "Toss Pay" },
  cardNumber: "Card number",
  expiry: "Expiry (MM/YY)",
  vatIncluded: (vat: string) => `incl. ${vat} VAT`,
  pay: (amount: string) => `Pay ${amount} and subscribe`,
  paying: "Processing…",
  declined: (detail: string) => `The card company declined the payment (${detail}). Please try another payment method.`,
  unavailable: "The payment service (PortOne) could not be reached, so nothing was charged. Please try again in a moment.",
  keyRefused: "The payment method could not be registered. Please try again.",
  cancelledByUser: "The payment window was closed. Press the button to try again.",
  notice:
    "Recurring payment: the same amount is charged at the end of each period. Cancel any time on your account page. Price rises are announced 30 days ahead.",
  portalSection: "PortOne subscriptions",
  refundNote: "A refund ends your access right away.",
};

export const portoneText = (lang: UiLang) => (lang === "en" ? en : ko);
