import { siteUrl } from "@/lib/env";

// The one definition of next-auth's session cookie name: next-auth prefixes it with `__Secure-`
// when its own URL is https, and the proxy, the edge cookie and the refresh route must agree.
export function sessionCookieName(): string {
  return isSecureSite() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function isSecureSite(): boolean {
  return siteUrl().startsWith("https://");
}

// Attributes of every session cookie we set ourselves (re-mint, clear). A `__Secure-` cookie is
// only replaced by a Set-Cookie that is itself Secure.
export function sessionCookieAttributes(): string {
  return `Path=/; HttpOnly; SameSite=Lax${isSecureSite() ? "; Secure" : ""}`;
}
