// Plain HTTP helpers for the specs: pages as a reader with a cookie jar, the Admin API, sessions
// minted exactly as sign-in mints them, and direct reads of the shared database.
import http from "node:http";
import { encode } from "next-auth/jwt";
import pg from "pg";
import Stripe from "stripe";
import type { MultiState } from "./state";

export const SESSION_COOKIE = "next-auth.session-token";
export { demoArticles, GATED_MARKER, markedPiece, publicEn, publicKo } from "../../e2e/fixtures";

export type Page = { status: number; body: string; headers: Headers };

export async function get(url: string, cookie?: string | null, headers: Record<string, string> = {}): Promise<Page> {
  const res = await fetch(url, { headers: { accept: "text/html", ...(cookie ? { cookie } : {}), ...headers }, redirect: "manual", signal: AbortSignal.timeout(20_000) });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

// A GET whose path goes on the wire byte for byte, like `curl --path-as-is`: fetch() would resolve
// `..`, `\` and `%2e` segments before sending, so it cannot reproduce a request that nginx and Node
// read differently.
export function rawGet(base: string, rawPath: string, headers: Record<string, string> = {}): Promise<Page> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: rawPath, method: "GET", headers: { accept: "text/html", ...headers }, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const out = new Headers();
        for (const [k, v] of Object.entries(res.headers)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, one);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: out });
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${rawPath} timed out`)));
    req.on("error", reject);
    req.end();
  });
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
// (lib/auth/claims: mid, role, epoch, derived-at, timeline), encrypted with the instances'
// AUTH_SECRET. `at` = now: claims without it (or too old) are re-derived from the database, where
// the suite's made-up members do not exist.
export async function sessionCookie(state: MultiState, member: { id: number; epoch: number; tier: string }): Promise<string> {
  const token = { sub: String(member.id), email: `member${member.id}@multi.test`, mid: member.id, role: "reader", epoch: member.epoch, at: Date.now(), tl: [[member.tier, 0, null]] };
  return `${SESSION_COOKIE}=${await encode({ token, secret: state.authSecret, maxAge: 3600 })}`;
}

export function signWebhook(state: MultiState, body: string): string {
  return Stripe.webhooks.generateTestHeaderString({ payload: body, secret: state.webhookSecret });
}
