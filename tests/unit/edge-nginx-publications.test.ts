import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheEntryCount, startEdge, type EdgeMode, type EdgeServer } from "@/bench/edge-nginx";
import { cookieValues, signEdgeValue, verifyEdgeValue } from "@/lib/edge/cookie";

// The real nginx with the real deploy/nginx files (the tier cookie's verification included), in front of a stub
// of Node that answers like proxy.ts: it maps the Host to a publication with *its own* table and
// says which publication and tier it rendered. What is under test is the edge alone: its key,
// its map of hosts and its cookie check. (e2e-multi covers the same against the real servers.)

const KEY = "edge-unit-key-0123456789abcdef0123456789";
// nginx's map lists moved.localhost under data; the stub's table (Node's) does not know it, so Node
// answers it as the primary: the two tables disagree there, as after a host moved.
const EDGE_HOSTS = { localhost: "main", "data.localhost": "data", "moved.localhost": "data" };
const NODE_HOSTS: Record<string, string> = { localhost: "main", "data.localhost": "data" };
// Sessions as the stub reads them: the member's tier per publication (free where none is listed).
const SESSIONS: Record<string, Record<string, string>> = {
  "sess-data-premium": { data: "premium" },
  "sess-main-premium": { main: "premium", data: "premium" },
  "sess-main-only": { main: "premium" },
};
const SESSION_COOKIE = "next-auth.session-token";

let renders = 0;
let tierRouteSendsPublication = true;
const nodePublication = (host: string | undefined) => NODE_HOSTS[(host ?? "").replace(/:\d+$/, "")] ?? "main";
function tierOf(cookie: string | null, publication: string): string {
  const [session] = cookieValues(cookie, SESSION_COOKIE);
  if (!session) return "anon";
  return SESSIONS[session]?.[publication] ?? "free";
}

const stub = http.createServer((req, res) => {
  const publication = nodePublication(req.headers.host);
  const cookie = req.headers.cookie ?? null;
  const tier = tierOf(cookie, publication);
  if (req.url === "/api/edge/tier") {
    res.writeHead(204, { "x-masthead-tier": tier, ...(tierRouteSendsPublication ? { "x-masthead-publication": publication } : {}) });
    return res.end();
  }
  if (!req.url?.startsWith("/articles/")) {
    res.writeHead(200, { "content-type": "text/plain" });
    return res.end("ok");
  }
  renders++;
  const headers: Record<string, string | string[]> = { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" };
  const mode = req.headers["x-masthead-edge"];
  if (mode) Object.assign(headers, { "x-masthead-tier": tier, "x-masthead-publication": publication });
  const [session] = cookieValues(cookie, SESSION_COOKIE);
  if (mode === "cookie" && session) {
    const binding = { publication, session };
    const now = Math.floor(Date.now() / 1000);
    const current = verifyEdgeValue(KEY, cookieValues(cookie, "mh_edge")[0], binding, now);
    if (current?.tier !== tier) headers["set-cookie"] = `mh_edge=${signEdgeValue(KEY, binding, tier, now + 60)}; Path=/; HttpOnly`;
  }
  res.writeHead(200, headers);
  res.end(`<p>publication=${publication} tier=${tier} path=${req.url}</p>`);
});

type Answer = { status: number; body: string; cache: string; edgeCookie: string | null };
function get(edge: EdgeServer, host: string, urlPath: string, cookie?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host, accept: "text/html", ...(cookie ? { cookie } : {}) };
    const req = http.request({ host: "127.0.0.1", port: edge.port, path: urlPath, headers, timeout: 10_000 }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString("utf8")));
      res.on("end", () => {
        const set = (res.headers["set-cookie"] ?? []).find((c) => c.startsWith("mh_edge="));
        resolve({
          status: res.statusCode ?? 0,
          body,
          cache: String(res.headers["x-cache-status"] ?? ""),
          edgeCookie: set ? set.slice(0, set.indexOf(";")) : null,
        });
      });
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${host}${urlPath} timed out`)));
    req.on("error", reject);
    req.end();
  });
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-edge-pubs-"));
const edges = new Map<EdgeMode, EdgeServer>();
beforeAll(async () => {
  await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
  const upstream = (stub.address() as AddressInfo).port;
  for (const mode of ["cookie", "auth_request"] as const) {
    edges.set(mode, await startEdge({ workDir: path.join(work, mode), upstreamPorts: [upstream], mode, edgeSecret: KEY, hosts: EDGE_HOSTS }));
  }
}, 30_000);
afterAll(async () => {
  for (const edge of edges.values()) await edge.stop();
  await new Promise((resolve) => stub.close(resolve));
  fs.rmSync(work, { recursive: true, force: true });
});
const cookieEdge = () => edges.get("cookie")!;
const authEdge = () => edges.get("auth_request")!;

// A signed-in reader's gated page on `host`: Node issues the edge cookie (`issued`), the next
// request with it fills the cache and the one after is a HIT rendered as `rendered`. Returns the cookie.
async function warmWithEdgeCookie(edge: EdgeServer, host: string, session: string, issued: RegExp, rendered: string): Promise<string> {
  const first = await get(edge, host, "/articles/gated", session);
  expect(first.edgeCookie).toMatch(issued);
  await get(edge, host, "/articles/gated", `${session}; ${first.edgeCookie}`);
  const hit = await get(edge, host, "/articles/gated", `${session}; ${first.edgeCookie}`);
  expect(hit.cache).toBe("HIT");
  expect(hit.body).toContain(rendered);
  return first.edgeCookie!;
}

describe("the nginx edge with two publications (stub upstream)", () => {
  it("a tier cookie data's host issued opens nothing on the primary's host, for the same shared session", async () => {
    const edge = cookieEdge();
    // A real premium reader of the primary fills the primary's premium entry.
    await warmWithEdgeCookie(edge, "localhost", `${SESSION_COOKIE}=sess-main-premium`, /^mh_edge=main\.premium\./, "publication=main tier=premium");

    // Premium in data only: data's host issues a cookie that nginx honours there.
    const dataPremium = `${SESSION_COOKIE}=sess-data-premium`;
    const dataCookie = await warmWithEdgeCookie(edge, "data.localhost", dataPremium, /^mh_edge=data\.premium\./, "publication=data tier=premium");

    // Replayed on the primary's host, as is and with its publication part rewritten: no tier at the
    // edge, so Node answers (free there) and issues the primary's own cookie.
    const [, tier, exp, sig] = dataCookie.slice("mh_edge=".length).split(".");
    for (const replay of [dataCookie, `mh_edge=main.${tier}.${exp}.${sig}`]) {
      const page = await get(edge, "localhost", "/articles/gated", `${dataPremium}; ${replay}`);
      expect(page.cache, replay).toBe("BYPASS");
      expect(page.body, replay).toContain("publication=main tier=free");
      expect(page.edgeCookie, replay).toMatch(/^mh_edge=main\.free\./);
    }
  });

  it("every Host no publication names shares the primary's entry; each publication has its own", async () => {
    const edge = cookieEdge();
    const url = "/articles/shared-slug";
    await get(edge, "localhost", url);
    expect((await get(edge, "localhost", url)).cache).toBe("HIT");
    const entries = cacheEntryCount(edge.cacheDir);
    const rendered = renders;
    const random = Array.from({ length: 60 }, (_, i) => `${Math.random().toString(36).slice(2)}-${i}.example`);
    const hosts = [
      ...random,
      "LOCALHOST",
      "localhost:1234",
      "localhost.",
      "127.0.0.1",
      "[::1]",
      "data.localhost.evil.example",
      "evil.example:8080",
      "x_y.example",
      "a".repeat(200),
    ];
    for (const host of hosts) {
      const page = await get(edge, host, url);
      expect(page.status, host).toBe(200);
      expect(page.cache, host).toBe("HIT");
      expect(page.body, host).toContain("publication=main tier=anon");
    }
    expect(renders).toBe(rendered);
    expect(cacheEntryCount(edge.cacheDir)).toBe(entries);

    // data's own host: its own render and entry, never the primary's.
    const data = await get(edge, "data.localhost", url);
    expect(data.cache).toBe("MISS");
    expect(data.body).toContain("publication=data tier=anon");
    expect((await get(edge, "data.localhost", url)).body).toContain("publication=data");
    expect((await get(edge, "localhost", url)).body).toContain("publication=main");
    expect(cacheEntryCount(edge.cacheDir)).toBe(entries + 1);
  });

  it("a page Node rendered for another publication than the key's is served but never stored", async () => {
    const edge = cookieEdge();
    const url = "/articles/moved-host-piece";
    // nginx keys moved.localhost as data; Node renders the primary's piece there.
    for (let i = 0; i < 3; i++) {
      const page = await get(edge, "moved.localhost", url);
      expect(page.body).toContain("publication=main");
      expect(page.cache, `request ${i + 1}`).toBe("MISS");
    }
    // data's own readers never get the primary's render from data's entry.
    const data = await get(edge, "data.localhost", url);
    expect(data.cache).toBe("MISS");
    expect(data.body).toContain("publication=data");
  });

  it("auth_request mode: a tier Node answered for another publication is no tier here", async () => {
    const edge = authEdge();
    const url = "/articles/auth-piece";
    const dataPremium = `${SESSION_COOKIE}=sess-data-premium`;
    await get(edge, "data.localhost", url, dataPremium);
    const hit = await get(edge, "data.localhost", url, dataPremium);
    expect(hit.cache).toBe("HIT");
    expect(hit.body).toContain("publication=data tier=premium");
    // moved.localhost: nginx's key says data, Node's tier is the primary's: a member premium in the
    // primary only must not be served data's premium entry there.
    const moved = await get(edge, "moved.localhost", url, `${SESSION_COOKIE}=sess-main-only`);
    expect(moved.cache).toBe("BYPASS");
    expect(moved.body).toContain("publication=main tier=premium");
    // A tier answer that names no publication is not trusted: the request bypasses the cache.
    tierRouteSendsPublication = false;
    try {
      expect((await get(edge, "data.localhost", url, dataPremium)).cache).toBe("BYPASS");
    } finally {
      tierRouteSendsPublication = true;
    }
  });
});
