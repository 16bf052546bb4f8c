import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { getEnv } from "@/lib/env";
import { processSlot } from "@/lib/process-state";
import { isStaffAnywhere, staffRoleIn, type StaffRoleName } from "@/lib/access";
import { publicationTable } from "@/lib/publications/table";
import { CLAIMS_MAX_AGE_MS, claimsUntil, freshlyDerived, judgeSession, parseAccessClaims, sessionValidOn, staffFromClaims, type AccessClaims } from "./claims";
import { epochKnowledge } from "./epochs";
import { authSecret } from "./secret";
import { sessionCookieAttributes, sessionCookieDomain, sessionCookieName } from "./session-cookie";

// Who is asking, in the publication the request is for.
export type RequestIdentity = {
  tier: string; // "anon", "free" or a paid tier slug of this publication
  role: "anon" | "reader" | "editor" | "admin"; // the network role
  staffRole: StaffRoleName | null; // studio role in this publication
  staffAnywhere: boolean; // works in some publication's studio (the /studio gate)
  setCookie: string | null; // a re-minted session cookie to pass on, if any
  // When the tier may next change (ms): the end of the current step of the session's timeline or
  // the instant its claims stop being vouched for, whichever is first; null = not known to change.
  until: number | null;
};

const ANONYMOUS: RequestIdentity = { tier: "anon", role: "anon", staffRole: null, staffAnywhere: false, setCookie: null, until: null };

// The publication a re-mint should list first in the claims (the one being visited).
export const REMINT_PUBLICATION_HEADER = "x-masthead-publication";

type Refreshed = { claims: AccessClaims; setCookie: string | null } | "gone" | null;

// Asks this server to re-mint the session from the database (only when the token is stale, so
// the steady-state path does no I/O). A loopback HTTP call because the proxy bundle carries no
// database driver (design §13: keep the adapter out of the proxy bundle); loopback, not the public
// origin: the request must not leave the machine. Why not a direct call: Next 16 runs proxy.ts on
// Node, so it is not the runtime that forbids it; it is the bundle. The re-mint needs the database
// driver (pg, or PGlite's WASM) and next-auth's adapter, which Next would then bundle into the proxy
// that runs before every request — kept out deliberately, at the price of this rare self-call.
async function refresh(cookieHeader: string, publicationId: number): Promise<Refreshed> {
  try {
    const res = await fetch(`http://127.0.0.1:${getEnv().PORT}/api/session/refresh`, {
      method: "POST",
      headers: { cookie: cookieHeader, [REMINT_PUBLICATION_HEADER]: String(publicationId) },
      cache: "no-store",
    });
    if (res.status === 401) return "gone";
    if (!res.ok) {
      console.warn(`[session] refresh answered ${res.status}`);
      return null;
    }
    const claims = parseAccessClaims(((await res.json()) as { claims?: unknown }).claims);
    return claims ? { claims, setCookie: res.headers.get("set-cookie") } : null;
  } catch (err) {
    console.warn(`[session] refresh failed: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

// Parallel requests with the same stale token (prefetches at a grant's end instant, several tabs,
// requests a browser sent before it stored the new cookie) share one re-mint instead of one each:
// the answer is kept for a few seconds per old token, unless a newer epoch is known by then.
const REMINT_REUSE_MS = 5_000;
export type RemintFlights = Map<string, { answer: Promise<Refreshed>; at: number }>;

async function refreshOnce(token: string, cookieHeader: string, memberId: number, publicationId: number, now: number): Promise<Refreshed> {
  const flights = processSlot("remintFlights", () => new Map());
  for (const [key, f] of flights) if (now - f.at > REMINT_REUSE_MS) flights.delete(key);
  const key = `${publicationId}:${token}`;
  const shared = flights.get(key);
  if (shared) {
    const answer = await shared.answer;
    const current = answer === null || answer === "gone" || answer.claims.epoch >= epochKnowledge(memberId).epoch;
    if (current) return answer;
  }
  const answer = refresh(cookieHeader, publicationId);
  flights.set(key, { answer, at: now });
  // A failed re-mint is not shared: the next request asks again.
  void answer.then((a) => a === null && flights.get(key)?.answer === answer && flights.delete(key));
  return answer;
}

// Decrypting a next-auth JWE re-derives its key every time, which made signed-in requests
// measurably slower than anonymous ones. Verified claims are therefore remembered per exact
// cookie value (bounded, oldest evicted first) until the token's own expiry; the epoch, the age and
// the timeline are still judged on every request, so revocation and expiry stay instant.
const VERIFIED_MAX = 20_000;
// `email` and `name` as the token carries them (set at sign-in), for the account menu.
export type VerifiedSession = { claims: AccessClaims; email: string | null; name: string | null };
type Verified = VerifiedSession & { expiresAt: number };
export type VerifiedSessions = Map<string, Verified>;

const verifiedSessions = () => processSlot("verifiedSessions", () => new Map());

export async function verifySession(request: NextRequest, name: string, now: Date): Promise<VerifiedSession | null> {
  const raw = request.cookies.get(name)?.value;
  if (!raw) return null;
  const cache = verifiedSessions();
  const hit = cache.get(raw);
  if (hit && hit.expiresAt > now.getTime()) return hit;
  if (hit) cache.delete(raw);
  const token = await getToken({ req: request, secret: authSecret(), cookieName: name }).catch(() => null);
  const claims = parseAccessClaims(token);
  if (!claims || !token) return null;
  const exp = typeof token.exp === "number" ? token.exp * 1000 : now.getTime();
  if (cache.size >= VERIFIED_MAX) cache.delete(cache.keys().next().value as string);
  const verified: Verified = {
    claims,
    email: typeof token.email === "string" ? token.email : null,
    name: typeof token.name === "string" ? token.name : null,
    expiresAt: exp,
  };
  cache.set(raw, verified);
  return verified;
}

function identityOf(claims: AccessClaims, publicationId: number, tier: string, now: Date, setCookie: string | null = null): RequestIdentity {
  const vouchedUntil = claims.at + CLAIMS_MAX_AGE_MS;
  const staff = staffFromClaims(claims);
  return {
    tier,
    role: claims.role,
    staffRole: staffRoleIn(claims.role, staff, publicationId),
    staffAnywhere: isStaffAnywhere(claims.role, staff),
    setCookie,
    until: Math.min(claimsUntil(claims, publicationId, now) ?? vouchedUntil, vouchedUntil),
  };
}

// Decodes and verifies the session (an encrypted next-auth JWT): anything malformed, forged,
// expired or tampered decodes to nothing and is treated as anonymous.
export async function resolveRequestIdentity(request: NextRequest, publicationId: number, now = new Date()): Promise<RequestIdentity> {
  const name = sessionCookieName();
  if (!request.cookies.has(name)) return ANONYMOUS;
  const claims = (await verifySession(request, name, now))?.claims;
  if (!claims) return ANONYMOUS;
  // A session of another publication's host is a signed-out reader here (the cookie is kept: it
  // is that host's session).
  const table = publicationTable();
  if (!table || !sessionValidOn(claims.sp, publicationId, table.primary.id, Boolean(sessionCookieDomain()))) return ANONYMOUS;

  const verdict = judgeSession(claims, epochKnowledge(claims.mid), publicationId, now);
  if (verdict.kind === "fresh") return identityOf(claims, publicationId, verdict.tier, now);

  const fresh = await refreshOnce(request.cookies.get(name)?.value ?? "", request.headers.get("cookie") ?? "", claims.mid, publicationId, now.getTime());
  if (fresh === "gone") return { ...ANONYMOUS, setCookie: `${name}=; ${sessionCookieAttributes()}; Max-Age=0` };
  if (fresh) {
    const again = judgeSession(fresh.claims, freshlyDerived(fresh.claims), publicationId, now);
    if (again.kind === "fresh") return identityOf(fresh.claims, publicationId, again.tier, now, fresh.setCookie);
  }
  // The database could not be asked: fail closed to a signed-in reader without paid access. The
  // studio gate stays optimistic (studio pages re-check the role from the database anyway).
  return {
    tier: "free",
    role: claims.role,
    staffRole: null,
    staffAnywhere: isStaffAnywhere(claims.role, staffFromClaims(claims)),
    setCookie: null,
    until: null,
  };
}
