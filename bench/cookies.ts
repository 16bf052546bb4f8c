// Session cookies minted offline, exactly as the product mints them at sign-in: the member's
// access claims (lib/auth/claims) inside a next-auth JWT encrypted with the server's secret.
import { decode, encode } from "next-auth/jwt";
import { buildAccessClaims, freshlyDerived, judgeSession, parseAccessClaims, tierFromClaims } from "@/lib/auth/claims";
import type { NetworkTier } from "@/lib/access";
import type { RosterMember } from "./seed";

export const SESSION_COOKIE = "next-auth.session-token"; // the name on http origins
const MAX_AGE = 30 * 24 * 3600;

export type ReaderCookie = { memberId: number; tier: string; cookie: string };

// Sessions signed in on `publicationId`'s host (the benchmark reads the primary publication).
export async function mintReaderCookies(
  roster: RosterMember[],
  tiers: NetworkTier[],
  secret: string,
  now: Date,
  publicationId: number,
): Promise<ReaderCookie[]> {
  const out: ReaderCookie[] = [];
  const BATCH = 500;
  for (let i = 0; i < roster.length; i += BATCH) {
    const batch = roster.slice(i, i + BATCH);
    out.push(
      ...(await Promise.all(
        batch.map(async (m) => {
          const claims = {
            ...buildAccessClaims({ id: m.id, role: m.role, accessEpoch: m.accessEpoch }, m.grants, tiers, [], now, publicationId),
            sp: publicationId,
          };
          const tier = tierFromClaims(claims, publicationId, now);
          if (tier === null) throw new Error(`member ${m.id}: fresh claims do not cover now`);
          const jwt = await encode({ token: { sub: String(m.id), email: m.email, ...claims }, secret, maxAge: MAX_AGE });
          return { memberId: m.id, tier, cookie: `${SESSION_COOKIE}=${jwt}` };
        }),
      )),
    );
  }
  return out;
}

export function groupByTier(cookies: ReaderCookie[]): Map<string, ReaderCookie[]> {
  const map = new Map<string, ReaderCookie[]>();
  for (const c of cookies) {
    const list = map.get(c.tier);
    if (list) list.push(c);
    else map.set(c.tier, [c]);
  }
  return map;
}

// The proxy's per-request session work in isolation — decrypt the token, validate the claims,
// judge the tier for now — in microseconds per cookie, measured in this process.
export async function timeSessionCheck(cookies: ReaderCookie[], secret: string, publicationId: number, count = 2_000): Promise<number> {
  const tokens = cookies.slice(0, count).map((c) => c.cookie.slice(SESSION_COOKIE.length + 1));
  const started = process.hrtime.bigint();
  for (const token of tokens) {
    const claims = parseAccessClaims(await decode({ token, secret }));
    if (!claims || judgeSession(claims, freshlyDerived(claims), publicationId, new Date()).kind !== "fresh") throw new Error("a minted session did not verify");
  }
  return Number(process.hrtime.bigint() - started) / 1000 / tokens.length;
}
