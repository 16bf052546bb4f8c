import type { UiLang, Widen } from "./lang";

// The sign-in form's strings, for the client form on the sign-in page (and the server pages around it).

export const koSignin = {
  title: "로그인",
  intro: "이메일 주소를 입력하면 로그인 링크를 보내 드립니다. 처음이라면 무료 회원으로 가입됩니다.",
  emailLabel: "이메일 주소",
  submit: "로그인 링크 받기",
  sending: "보내는 중…",
  invalidEmail: "올바른 이메일 주소를 입력해 주세요.",
  rateLimited: (minutes: number) => `요청이 너무 많습니다. ${minutes}분 뒤에 다시 시도해 주세요.`,
  failed: "링크를 보내지 못했습니다. 잠시 후 다시 시도해 주세요.",
  checkTitle: "이메일을 확인하세요",
  checkBody: "로그인 링크를 보냈습니다. 링크는 15분 동안 한 번만 쓸 수 있습니다. 메일이 보이지 않으면 스팸함을 확인하세요.",
  errorTitle: "로그인 링크를 쓸 수 없습니다",
  errorExpired: "링크가 만료되었거나 이미 사용되었습니다. 새 링크를 요청해 주세요.",
  errorGeneric: "로그인 중 문제가 발생했습니다. 다시 시도해 주세요.",
  again: "새 로그인 링크 받기",
  signOutTitle: "로그아웃",
  signOutBody: "이 기기에서 로그아웃할까요?",
  signOut: "로그아웃",
};

export const enSignin: Widen<typeof koSignin> = {
  title: "Sign in",
  intro: "Enter your email and we will send you a sign-in link. New here? This creates a free membership.",
  emailLabel: "Email address",
  submit: "Email me a sign-in link",
  sending: "Sending…",
  invalidEmail: "Enter a valid email address.",
  rateLimited: (minutes: number) => `Too many requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  failed: "We could not send the link. Please try again in a moment.",
  checkTitle: "Check your email",
  checkBody: "We sent you a sign-in link. It works once, for 15 minutes. If you cannot find it, look in your spam folder.",
  errorTitle: "This sign-in link cannot be used",
  errorExpired: "The link has expired or was already used. Ask for a new one.",
  errorGeneric: "Something went wrong while signing in. Please try again.",
  again: "Get a new sign-in link",
  signOutTitle: "Sign out",
  signOutBody: "Sign out on this device?",
  signOut: "Sign out",
};

export function signinDict(lang: UiLang): Widen<typeof koSignin> {
  return lang === "en" ? enSignin : koSignin;
}
