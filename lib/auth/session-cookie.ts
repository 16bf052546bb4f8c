import { getEnv, siteUrl } from "@/lib/env";

// The one definition of next-auth's session cookie name: next-auth prefixes it with `__Secure-`
// when its own URL is https, and the proxy, the edge cookie and the refresh route must agree.
export function sessionCookieName(): string {
  return isSecureSite() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function isSecureSite(): boolean {
  return siteUrl().startsWith("https://");
}

// Sessions are host-only (each publication host signs in on its own) unless SESSION_COOKIE_DOMAIN
// names a parent domain the publications share.
export function sessionCookieDomain(): string | undefined {
  return getEnv().SESSION_COOKIE_DOMAIN;
}

// Attributes of every session cookie we set ourselves (re-mint, clear), the same as next-auth's
// (lib/auth/options.ts). A `__Secure-` cookie is only replaced by a Set-Cookie that is itself Secure.
export function sessionCookieAttributes(): string {
  const domain = sessionCookieDomain();
  return `Path=/; HttpOnly; SameSite=Lax${domain ? `; Domain=${domain}` : ""}${isSecureSite() ? "; Secure" : ""}`;
}
