// Plain HTTP helpers for the specs: pages as a reader with a cookie jar, the Admin API, sessions
// minted exactly as sign-in mints them, and direct reads of the shared database.
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { encode } from "next-auth/jwt";
import pg from "pg";
import Stripe from "stripe";
import type { MultiState } from "./state";

export const SESSION_COOKIE = "next-auth.session-token";
export { demoArticles, GATED_MARKER, markedPiece, publicEn, publicKo } from "../../e2e/fixtures";

export type Page = { status: number; body: string; headers: Headers };

export async function get(url: string, cookie?: string | null, headers: Record<string, string> = {}): Promise<Page> {
  const res = await fetch(url, {
    headers: { accept: "text/html", ...(cookie ? { cookie } : {}), ...headers },
    redirect: "manual",
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

// A request whose path goes on the wire byte for byte, like `curl --path-as-is`: fetch() would
// resolve `..`, `\` and `%2e` segments before sending, so it cannot reproduce a request that nginx
// and Node read differently. It also sends a `Host` header of our choosing (fetch() does not), to
// reach a publication by its hostname: data.localhost does not resolve here, so the request goes
// to `base` and names the host only in the header, as a browser behind DNS would.
export function rawRequest(base: string, rawPath: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Page> {
  const { hostname, port } = new URL(base);
  const headers = { accept: "text/html", ...opts.headers, ...(opts.body !== undefined ? { "content-length": String(Buffer.byteLength(opts.body)) } : {}) };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: rawPath, method: opts.method ?? "GET", headers, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const out = new Headers();
        for (const [k, v] of Object.entries(res.headers)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, one);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: out });
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`${opts.method ?? "GET"} ${rawPath} timed out`)));
    req.on("error", reject);
    req.end(opts.body);
  });
}

// A page as a client that sends exactly this Accept-Encoding (null: none at all), its body as
// received (`raw`) and as text (inflated here when it came gzip): fetch() would pick the header
// and inflate by itself, hiding what the edge sent.
export type EncodedPage = Page & { raw: Buffer; encoding: string | null };
export function getEncoded(url: string, acceptEncoding: string | null, cookie?: string | null): Promise<EncodedPage> {
  const { hostname, port, pathname, search } = new URL(url);
  const headers = { accept: "text/html", ...(acceptEncoding ? { "accept-encoding": acceptEncoding } : {}), ...(cookie ? { cookie } : {}) };
  return new Promise((resolve, reject) => {
    const req = http.get({ host: hostname, port, path: pathname + search, headers, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers["content-encoding"] ?? null;
        const out = new Headers();
        for (const [k, v] of Object.entries(res.headers)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, one);
        try {
          resolve({ status: res.statusCode ?? 0, raw, encoding, body: (encoding === "gzip" ? gunzipSync(raw) : raw).toString("utf8"), headers: out });
        } catch (err) {
          reject(err);
        }
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on("error", reject);
  });
}

export const rawGet = (base: string, rawPath: string, headers: Record<string, string> = {}) => rawRequest(base, rawPath, { headers });

// A page of the publication at `host` (e.g. "data.localhost"), through `base` (the edge or an instance).
export const hostGet = (base: string, host: string, path: string, cookie?: string | null) => rawGet(base, path, { host, ...(cookie ? { cookie } : {}) });

// The mh_edge value a response set, if any.
export function edgeCookieFrom(page: Page): string | null {
  for (const c of page.headers.getSetCookie()) if (c.startsWith("mh_edge=")) return c.slice(0, c.indexOf(";"));
  return null;
}

// The Admin API works in the publication at the request's host: `host` names it (the primary's
// when omitted). ADMIN_API_TOKEN works in every publication.
export function adminApi(state: MultiState, base: string, host?: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = {
      accept: "application/json",
      authorization: `Bearer ${state.adminToken}`,
      ...(body ? { "content-type": "application/json" } : {}),
      ...(host ? { host } : {}),
    };
    const res = await rawRequest(base, `/api/admin/v1${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
    if (res.status < 200 || res.status > 299)
      throw new Error(`${method} ${path} on ${base}${host ? ` (Host ${host})` : ""} answered ${res.status}: ${res.body}`);
    return JSON.parse(res.body) as Record<string, unknown>;
  };
  return {
    createArticle: (fields: Record<string, unknown>) => call("POST", "/articles", fields),
    listArticles: (q: string) => call("GET", `/articles?q=${encodeURIComponent(q)}&limit=100`),
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

// The install-wide access generation the instances know (bundles and tier ranks bump it): claims
// derived before it are stale. The suite changes neither, so it is read once.
let generation: Promise<number> | null = null;
const accessGeneration = (state: MultiState) =>
  (generation ??= query<{ generation: number }>(state, "select generation from access_generation limit 1").then((rows) => Number(rows[0]?.generation ?? 0)));

// A session cookie as the sign-in callback mints it (lib/auth/claims: mid, role, epoch, generation,
// derived-at, a timeline per publication, the publication signed in on), encrypted with the
// instances' AUTH_SECRET. `tier`: the member's tier in the primary publication; `tiers`: per
// publication slug (a publication not listed reads as free); `signedInOn`: the publication whose
// host minted it (the primary's by default; the suite shares sessions across hosts, see stack.ts).
// `at` = now: claims without it (or too old) are re-derived from the database, where the suite's
// made-up members do not exist.
export async function sessionCookie(
  state: MultiState,
  member: { id: number; epoch: number; tier?: string; tiers?: Record<string, string>; signedInOn?: string },
): Promise<string> {
  const tiers = member.tiers ?? { main: member.tier ?? "free" };
  const publicationId = (slug: string) => {
    const id = state.publications[slug];
    if (!id) throw new Error(`no publication ${slug} in the suite's database`);
    return id;
  };
  const pubs = Object.entries(tiers).map(([slug, tier]) => [publicationId(slug), [[tier, 0, null]], null]);
  const claims = {
    mid: member.id,
    role: "reader",
    epoch: member.epoch,
    gen: await accessGeneration(state),
    at: Date.now(),
    pubs,
    more: false,
    sp: publicationId(member.signedInOn ?? "main"),
  };
  const token = { sub: String(member.id), email: `member${member.id}@multi.test`, ...claims };
  return `${SESSION_COOKIE}=${await encode({ token, secret: state.authSecret, maxAge: 3600 })}`;
}

export function signWebhook(state: MultiState, body: string): string {
  return Stripe.webhooks.generateTestHeaderString({ payload: body, secret: state.webhookSecret });
}
