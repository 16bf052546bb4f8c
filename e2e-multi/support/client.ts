// Plain HTTP helpers for the specs: pages as a reader with a cookie jar, the Admin API, sessions
// minted exactly as sign-in mints them, and direct reads of the shared database.
import { encode } from "next-auth/jwt";
import pg from "pg";
import Stripe from "stripe";
import type { MultiState } from "./state";

export const SESSION_COOKIE = "next-auth.session-token";
export { GATED_MARKER, markedPiece, publicEn, publicKo } from "../../e2e/fixtures";

export type Page = { status: number; body: string; headers: Headers };

export async function get(url: string, cookie?: string | null, headers: Record<string, string> = {}): Promise<Page> {
  const res = await fetch(url, { headers: { accept: "text/html", ...(cookie ? { cookie } : {}), ...headers }, redirect: "manual", signal: AbortSignal.timeout(20_000) });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

// The mh_edge value a response set, if any.
export function edgeCookieFrom(page: Page): string | null {
  for (const c of page.headers.getSetCookie()) if (c.startsWith("mh_edge=")) return c.slice(0, c.indexOf(";"));
  return null;
}

export function adminApi(state: MultiState, base: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}/api/admin/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${state.adminToken}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} on ${base} answered ${res.status}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  return {
    grant: (email: string, tier: string) => call("POST", `/members/${encodeURIComponent(email)}/grants`, { tier, endsAt: null }),
    revoke: (grantId: number) => call("DELETE", `/grants/${grantId}`),
    member: (email: string) => call("GET", `/members?email=${encodeURIComponent(email)}`),
    patchArticle: (id: number, patch: Record<string, unknown>) => call("PATCH", `/articles/${id}`, patch),
  };
}

export async function query<T extends Record<string, unknown>>(state: MultiState, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: state.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

// A session cookie for a member with the given tier from now on, as the sign-in callback mints it
// (lib/auth/claims: mid, role, epoch, timeline), encrypted with the instances' AUTH_SECRET.
export async function sessionCookie(state: MultiState, member: { id: number; epoch: number; tier: string }): Promise<string> {
  const token = { sub: String(member.id), email: `member${member.id}@multi.test`, mid: member.id, role: "reader", epoch: member.epoch, tl: [[member.tier, 0, null]] };
  return `${SESSION_COOKIE}=${await encode({ token, secret: state.authSecret, maxAge: 3600 })}`;
}

export function signWebhook(state: MultiState, body: string): string {
  return Stripe.webhooks.generateTestHeaderString({ payload: body, secret: state.webhookSecret });
}
