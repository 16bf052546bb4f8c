import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { getEnv, siteUrl } from "@/lib/env";
import { judgeSession, parseAccessClaims, type AccessClaims } from "./claims";
import { knownEpoch } from "./epochs";
import { authSecret } from "./secret";

export type RequestIdentity = {
  tier: string; // "anon", "free" or a paid tier slug
  role: "anon" | "reader" | "editor" | "admin";
  setCookie: string | null; // a re-minted session cookie to pass on, if any
};

const ANONYMOUS: RequestIdentity = { tier: "anon", role: "anon", setCookie: null };

function cookieName(): string {
  return siteUrl().startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

// Asks this server to re-mint the session from the database (only when the token is stale, so
// the steady-state path does no I/O). Loopback, not the public origin: the request must not
// leave the machine.
async function refresh(request: NextRequest): Promise<{ claims: AccessClaims; setCookie: string | null } | "gone" | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${getEnv().PORT}/api/session/refresh`, {
      method: "POST",
      headers: { cookie: request.headers.get("cookie") ?? "" },
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

// Decrypting a next-auth JWE re-derives its key every time, which made signed-in requests
// measurably slower than anonymous ones. Verified claims are therefore remembered per exact
// cookie value (bounded, oldest evicted first) until the token's own expiry; the epoch and the
// timeline are still judged on every request, so revocation and expiry stay instant.
const VERIFIED_MAX = 20_000;
const KEY = Symbol.for("masthead.verifiedSessions");
type Verified = { claims: AccessClaims; expiresAt: number };
type Holder = { [KEY]?: Map<string, Verified> };

function verifiedSessions(): Map<string, Verified> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  return holder[KEY];
}

async function verifiedClaims(request: NextRequest, name: string, now: Date): Promise<AccessClaims | null> {
  const raw = request.cookies.get(name)?.value;
  if (!raw) return null;
  const cache = verifiedSessions();
  const hit = cache.get(raw);
  if (hit && hit.expiresAt > now.getTime()) return hit.claims;
  if (hit) cache.delete(raw);
  const token = await getToken({ req: request, secret: authSecret(), cookieName: name }).catch(() => null);
  const claims = parseAccessClaims(token);
  if (!claims || !token) return null;
  const exp = typeof token.exp === "number" ? token.exp * 1000 : now.getTime();
  if (cache.size >= VERIFIED_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(raw, { claims, expiresAt: exp });
  return claims;
}

// Decodes and verifies the session (an encrypted next-auth JWT): anything malformed, forged,
// expired or tampered decodes to nothing and is treated as anonymous.
export async function resolveRequestIdentity(request: NextRequest, now = new Date()): Promise<RequestIdentity> {
  const name = cookieName();
  if (!request.cookies.has(name)) return ANONYMOUS;
  const claims = await verifiedClaims(request, name, now);
  if (!claims) return ANONYMOUS;

  const verdict = judgeSession(claims, knownEpoch(claims.mid), now);
  if (verdict.kind === "fresh") return { tier: verdict.tier, role: claims.role, setCookie: null };

  const fresh = await refresh(request);
  // A `__Secure-` cookie (https) is only replaced by a Set-Cookie that is itself Secure.
  if (fresh === "gone") return { ...ANONYMOUS, setCookie: `${name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${siteUrl().startsWith("https://") ? "; Secure" : ""}` };
  if (fresh) {
    const again = judgeSession(fresh.claims, fresh.claims.epoch, now);
    if (again.kind === "fresh") return { tier: again.tier, role: fresh.claims.role, setCookie: fresh.setCookie };
  }
  // The database could not be asked: fail closed to a signed-in reader without paid access.
  return { tier: "free", role: claims.role, setCookie: null };
}
