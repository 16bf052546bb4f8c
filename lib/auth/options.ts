import "server-only";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { getDb } from "@/db/client";
import { normalizeEmail } from "@/db/queries/members";
import { publicationForHost, publicationName } from "@/lib/publications/model";
import { publicationTable } from "@/lib/publications/table";
import { noteSignIn } from "@/lib/email/join";
import { membersAdapter } from "./adapter";
import { magicLinkEmail } from "./magic-link-email";
import { sendMail } from "./mailer";
import { loadMemberAccess } from "./member-access";
import { authSecret } from "./secret";
import { resolveRedirect } from "./callback-url";
import { emailSchema } from "./email";
import { isSecureSite, sessionCookieDomain, sessionCookieName } from "./session-cookie";

// next-auth v4 takes its origin (magic-link URLs, redirects) from NEXTAUTH_URL when set, else —
// with AUTH_TRUST_HOST — from the request's X-Forwarded-Host/Host. Sign-in must come back to the
// host where it began (design §10), so the origin is per request; the route handler
// (app/api/auth/[...nextauth]/route.ts) replaces those headers with the canonical host of the
// request's publication first, so a forged Host can never put another site's address in a link.
delete process.env.NEXTAUTH_URL;
process.env.AUTH_TRUST_HOST = "true";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

// The publication whose host the sign-in link was opened on (the callback request's Host).
async function signInPublication() {
  const table = publicationTable();
  if (!table) return null;
  try {
    const { headers } = await import("next/headers");
    return publicationForHost(table, (await headers()).get("host"));
  } catch {
    return table.primary;
  }
}

const cookieOptions = () => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  secure: isSecureSite(),
  ...(sessionCookieDomain() ? { domain: sessionCookieDomain() } : {}),
});

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  adapter: membersAdapter(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error", signOut: "/signout" },
  // Cookie names and flags follow SITE_URL's scheme, not each request's origin.
  useSecureCookies: isSecureSite(),
  cookies: { sessionToken: { name: sessionCookieName(), options: cookieOptions() } },
  providers: [
    EmailProvider({
      maxAge: 15 * 60,
      // Invalid addresses are refused before any token is created.
      normalizeIdentifier(identifier) {
        const parsed = emailSchema.safeParse(identifier);
        if (!parsed.success) throw new Error("invalid email");
        return normalizeEmail(parsed.data);
      },
      // Per-IP and per-address limits are applied in front of next-auth, in its route handler
      // (app/api/auth/[...nextauth]/route.ts), for every caller.
      async sendVerificationRequest({ identifier, url }) {
        const host = new URL(url).host;
        const table = publicationTable();
        const pub = table ? publicationForHost(table, host) : null;
        const names = pub ? { ko: publicationName(pub, "ko"), en: publicationName(pub, "en") } : { ko: host, en: host };
        const { subject, text, html } = magicLinkEmail(url, host, names);
        await sendMail({ to: identifier, subject, text, html, url });
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // On sign-in, load the member's access in every publication into the token; later re-mints
      // happen in /api/session/refresh when the proxy finds the token stale.
      if (user) {
        const pub = await signInPublication();
        const db = await getDb();
        const loaded = await loadMemberAccess(db, Number(user.id), pub?.id ?? 0);
        if (loaded && pub) await noteSignIn(db, pub.id, loaded.member);
        // `sp`: the session belongs to the host it was signed in on (lib/auth/claims.ts).
        if (loaded) Object.assign(token, loaded.claims, { sp: pub?.id ?? null, sub: String(loaded.member.id), email: loaded.member.email });
      }
      return token;
    },
    async session({ session, token }) {
      const id = typeof token.mid === "number" ? token.mid : null;
      const publicationId = typeof token.sp === "number" ? token.sp : null;
      return { ...session, user: { id, email: typeof token.email === "string" ? token.email : null, publicationId } };
    },
    // Every callbackUrl next-auth honours (sign-in, sign-out, the callback-url cookie) passes here.
    async redirect({ url, baseUrl }) {
      return resolveRedirect(url, baseUrl);
    },
  },
};
