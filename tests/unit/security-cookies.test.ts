import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// Session cookies: HttpOnly and SameSite=Lax always; `__Secure-` prefix and Secure when the site is
// https. lib/auth/options.ts gives next-auth its session cookie and useSecureCookies from SITE_URL
// (its origin is per request, for sign-in on each publication's host); Masthead's own cookies
// (session refresh, edge tier cookie) must agree with it.
// The e2e suite checks the real Set-Cookie over http (e2e/security-headers.spec.ts).

const saved = { SITE_URL: process.env.SITE_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  vi.resetModules();
});

async function withSite(siteUrl: string) {
  vi.resetModules();
  process.env.SITE_URL = siteUrl;
  delete process.env.NEXTAUTH_URL;
  const options = await import("@/lib/auth/options");
  // next-auth's own cookie defaults, as its handler uses them (not in its package exports).
  const require = createRequire(import.meta.url);
  const { defaultCookies } = require(path.resolve("node_modules/next-auth/core/lib/cookie.js")) as {
    defaultCookies: (secure: boolean) => Record<string, { name: string; options: { httpOnly: boolean; sameSite: string; secure: boolean } }>;
  };
  const secure = siteUrl.startsWith("https://");
  return { options, cookies: defaultCookies(secure) };
}

describe("session cookie flags", () => {
  it("under https: __Secure- name, Secure, HttpOnly, SameSite=Lax, and Masthead uses the same name", async () => {
    const { options, cookies } = await withSite("https://news.example");
    // The origin comes from each request (the publication's canonical host, app/api/auth).
    expect(process.env.NEXTAUTH_URL).toBeUndefined();
    expect(options.authOptions.useSecureCookies).toBe(true);
    const session = options.authOptions.cookies?.sessionToken;
    expect(session?.name).toBe("__Secure-next-auth.session-token");
    expect(session?.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true, path: "/" });
    expect(session?.options).not.toHaveProperty("domain");
    expect(cookies.sessionToken.name).toBe(session?.name);
    expect(cookies.csrfToken.name).toBe("__Host-next-auth.csrf-token");
    expect(cookies.callbackUrl.options.secure).toBe(true);
    expect((await import("@/lib/auth/session-cookie")).sessionCookieName()).toBe(cookies.sessionToken.name);
  });

  it("over plain http (local demo): no prefix, not Secure, still HttpOnly and SameSite=Lax", async () => {
    const { options, cookies } = await withSite("http://localhost:3000");
    expect(cookies.sessionToken.name).toBe("next-auth.session-token");
    expect(options.authOptions.cookies?.sessionToken?.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false });
    expect((await import("@/lib/auth/session-cookie")).sessionCookieName()).toBe(cookies.sessionToken.name);
  });

  it("SESSION_COOKIE_DOMAIN shares the session across publications under one parent domain", async () => {
    process.env.SESSION_COOKIE_DOMAIN = ".example.com";
    try {
      const { options } = await withSite("https://example.com");
      expect(options.authOptions.cookies?.sessionToken?.options).toMatchObject({ domain: ".example.com", secure: true });
      const { sessionCookieAttributes } = await import("@/lib/auth/session-cookie");
      expect(sessionCookieAttributes()).toContain("Domain=.example.com");
    } finally {
      delete process.env.SESSION_COOKIE_DOMAIN;
    }
  });

  it("the edge tier cookie is HttpOnly, SameSite=Lax and Secure under https", async () => {
    const { edgeSetCookie } = await import("@/lib/edge/cookie");
    const cookie = edgeSetCookie("premium.1.sig", 60, true);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Secure$/);
    expect(edgeSetCookie("premium.1.sig", 60, false)).not.toMatch(/Secure/);
  });
});
