import "server-only";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { getDb } from "@/db/client";
import { normalizeEmail } from "@/db/queries/members";
import { siteUrl } from "@/lib/env";
import { membersAdapter } from "./adapter";
import { magicLinkEmail } from "./magic-link-email";
import { sendMail } from "./mailer";
import { loadMemberAccess } from "./member-access";
import { authSecret } from "./secret";
import { resolveRedirect } from "./callback-url";
import { emailSchema } from "./email";

// next-auth v4 takes its own origin from NEXTAUTH_URL; derive it from SITE_URL/PORT so the
// magic links and cookies match the canonical origin.
process.env.NEXTAUTH_URL ??= siteUrl();

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

export { sessionCookieName } from "./session-cookie";

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  adapter: membersAdapter(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error", signOut: "/signout" },
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
        const { subject, text, html } = magicLinkEmail(url, new URL(siteUrl()).host);
        await sendMail({ to: identifier, subject, text, html, url });
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // On sign-in, load the member's access into the token; later re-mints happen in
      // /api/session/refresh when the proxy finds the token stale.
      if (user) {
        const loaded = await loadMemberAccess(await getDb(), Number(user.id));
        if (loaded) Object.assign(token, loaded.claims, { sub: String(loaded.member.id), email: loaded.member.email });
      }
      return token;
    },
    async session({ session, token }) {
      const id = typeof token.mid === "number" ? token.mid : null;
      return { ...session, user: { id, email: typeof token.email === "string" ? token.email : null } };
    },
    // Every callbackUrl next-auth honours (sign-in, sign-out, the callback-url cookie) passes here.
    async redirect({ url, baseUrl }) {
      return resolveRedirect(url, baseUrl);
    },
  },
};
