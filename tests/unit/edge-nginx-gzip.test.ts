import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { cacheEntryCount, startEdge, type EdgeServer } from "@/bench/edge-nginx";
import { cookieValues, signEdgeValue, verifyEdgeValue } from "@/lib/edge/cookie";
import { edgeInFrontOf } from "./helpers/edge-stub";

// The real nginx with deploy/nginx in front of a stub of Node that compresses like Next does (gzip
// when asked): the edge must ask for gzip whatever the client sent, store the compressed body once,
// and serve it as is to gzip clients and inflated (gunzip) to the others — per tier, per entry.

const KEY = "edge-gzip-unit-key-0123456789abcdef012345";
const SESSION_COOKIE = "next-auth.session-token";
const PADDING = "<p>" + "Lorem ipsum dolor sit amet. ".repeat(200) + "</p>";
const asked: string[] = [];

const stub = http.createServer((req, res) => {
  const cookie = req.headers.cookie ?? null;
  const [session] = cookieValues(cookie, SESSION_COOKIE);
  const tier = session ? "premium" : "anon";
  if (!req.url?.startsWith("/articles/")) {
    res.writeHead(200, { "content-type": "text/plain" });
    return res.end("ok");
  }
  asked.push(String(req.headers["accept-encoding"] ?? "(none)"));
  const headers: Record<string, string> = {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "private, no-store",
    vary: "Accept-Encoding",
    "x-masthead-tier": tier,
    "x-masthead-publication": "main",
  };
  if (session) {
    const binding = { publication: "main", session };
    const now = Math.floor(Date.now() / 1000);
    if (verifyEdgeValue(KEY, cookieValues(cookie, "mh_edge")[0], binding, now)?.tier !== tier)
      headers["set-cookie"] = `mh_edge=${signEdgeValue(KEY, binding, tier, now + 600)}; Path=/; HttpOnly`;
  }
  const html = Buffer.from(`<h1>tier=${tier} path=${req.url}</h1>${PADDING}`);
  if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    res.writeHead(200, { ...headers, "content-encoding": "gzip" });
    return res.end(zlib.gzipSync(html));
  }
  res.writeHead(200, headers);
  res.end(html);
});

type Answer = { status: number; raw: Buffer; text: string; encoding: string | null; cache: string; edgeCookie: string | null };
function get(edge: EdgeServer, urlPath: string, acceptEncoding: string | null, cookie?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      accept: "text/html",
      ...(acceptEncoding ? { "accept-encoding": acceptEncoding } : {}),
      ...(cookie ? { cookie } : {}),
    };
    const req = http.request({ host: "127.0.0.1", port: edge.port, path: urlPath, headers, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers["content-encoding"] ?? null;
        const set = (res.headers["set-cookie"] ?? []).find((c) => c.startsWith("mh_edge="));
        resolve({
          status: res.statusCode ?? 0,
          raw,
          text: (encoding === "gzip" ? zlib.gunzipSync(raw) : raw).toString("utf8"),
          encoding,
          cache: String(res.headers["x-cache-status"] ?? ""),
          edgeCookie: set ? set.slice(0, set.indexOf(";")) : null,
        });
      });
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${urlPath} timed out`)));
    req.on("error", reject);
    req.end();
  });
}

const edgeServer = edgeInFrontOf(stub, KEY, "edge-gzip");

describe("the nginx edge caches compressed bodies once (stub upstream)", () => {
  it("asks Node for gzip whatever the client sends, and serves one entry to gzip and identity clients", async () => {
    const url = "/articles/gzip-piece";
    asked.length = 0;
    const first = await get(edgeServer(), url, null);
    expect(first.status).toBe(200);
    expect(first.cache).toBe("MISS");
    expect(first.encoding).toBeNull(); // inflated for a client that accepts no gzip
    expect(first.text).toContain("tier=anon path=/articles/gzip-piece");
    const entries = cacheEntryCount(edgeServer().cacheDir);

    for (const accept of ["gzip", "gzip, deflate, br", "br", "identity", "deflate", null, "GZIP;q=1, x-unknown"]) {
      const page = await get(edgeServer(), url, accept);
      expect(page.status, String(accept)).toBe(200);
      expect(page.cache, String(accept)).toBe("HIT");
      expect(page.text, String(accept)).toContain(PADDING);
      expect(page.text, String(accept)).toContain("tier=anon");
      const gzipClient = /gzip/i.test(accept ?? "");
      expect(page.encoding, String(accept)).toBe(gzipClient ? "gzip" : null);
      // Compressed once by Node: a gzip client gets the stored bytes, far smaller than the page.
      if (gzipClient) expect(page.raw.length).toBeLessThan(PADDING.length / 4);
      else expect(page.raw.length).toBeGreaterThan(PADDING.length);
    }
    // One render, asked for gzip alone; one entry whatever the clients' headers were.
    expect(asked).toEqual(["gzip"]);
    expect(cacheEntryCount(edgeServer().cacheDir)).toBe(entries);
  });

  it("keeps the tiers apart for gzip and identity clients alike", async () => {
    const url = "/articles/gzip-gated";
    const session = `${SESSION_COOKIE}=sess-premium`;
    const first = await get(edgeServer(), url, "gzip", session);
    expect(first.cache).toBe("BYPASS");
    expect(first.edgeCookie).toMatch(/^mh_edge=main\.premium\./);
    const premium = `${session}; ${first.edgeCookie}`;
    await get(edgeServer(), url, "gzip", premium);
    await get(edgeServer(), url, "gzip");
    for (const accept of ["gzip", null]) {
      const paid = await get(edgeServer(), url, accept, premium);
      expect(paid.cache, String(accept)).toBe("HIT");
      expect(paid.text, String(accept)).toContain("tier=premium");
      const anon = await get(edgeServer(), url, accept);
      expect(anon.cache, String(accept)).toBe("HIT");
      expect(anon.text, String(accept)).toContain("tier=anon");
      expect(anon.text, String(accept)).not.toContain("tier=premium");
    }
    // A session without a valid edge cookie still reaches Node (it was verified: the map did not call it anonymous).
    const forged = await get(edgeServer(), url, null, `${session}; mh_edge=main.premium.9999999999.AAAA`);
    expect(forged.cache).toBe("BYPASS");
    expect(forged.text).toContain("tier=premium");
  });
});

// The tier cookie, verified by nginx itself (secure_link_md5 in masthead.conf, no njs): only the
// exact value Node signed, for this session, in this publication, before it expires.
describe("the nginx edge verifies the tier cookie natively (stub upstream)", () => {
  const url = "/articles/tier-cookie";
  const session = `${SESSION_COOKIE}=sess-premium`;
  const binding = { publication: "main", session: "sess-premium" };
  const later = () => Math.floor(Date.now() / 1000) + 600;
  let valid = "";

  beforeAll(async () => {
    const first = await get(edgeServer(), url, "gzip", session);
    expect(first.cache).toBe("BYPASS");
    valid = first.edgeCookie!;
    expect(valid).toMatch(/^mh_edge=main\.premium\.\d+\.[A-Za-z0-9_-]{22}$/);
    await get(edgeServer(), url, "gzip", `${session}; ${valid}`);
  });

  it("serves the tier's entry for the value Node signed, under either session cookie name, first of repeated values", async () => {
    for (const cookie of [`${session}; ${valid}`, `__Secure-${session}; ${valid}`, `${valid}; ${session}; mh_edge=x`]) {
      const page = await get(edgeServer(), url, "gzip", cookie);
      expect(page.cache, cookie).toBe("HIT");
      expect(page.text, cookie).toContain("tier=premium");
    }
  });

  it("sends every other value to Node", async () => {
    const [, , exp, sig] = valid.slice("mh_edge=".length).split(".");
    // The first character: all six of its bits are hash bits (the last one's low four are padding,
    // which nginx's base64url decoder ignores, so changing only those spells the same signature).
    const flipped = (sig.startsWith("A") ? "B" : "A") + sig.slice(1);
    const hmac = "A".repeat(43);
    for (const [what, cookie] of [
      ["a changed signature", `${session}; mh_edge=main.premium.${exp}.${flipped}`],
      ["another session", `${SESSION_COOKIE}=sess-other; ${valid}`],
      ["a chunked session", `${SESSION_COOKIE}.0=sess-premium; ${valid}`],
      ["a raised tier", `${session}; mh_edge=main.vip.${exp}.${sig}`],
      ["another publication's cookie", `${session}; mh_edge=${signEdgeValue(KEY, { ...binding, publication: "data" }, "premium", later())}`],
      ["an expired cookie", `${session}; mh_edge=${signEdgeValue(KEY, binding, "premium", Math.floor(Date.now() / 1000) - 5)}`],
      ["another key", `${session}; mh_edge=${signEdgeValue("another-key-0123456789abcdef0123456789", binding, "premium", later())}`],
      ["a signature of the njs format", `${session}; mh_edge=main.premium.${exp}.${hmac}`],
      ["a repeated value whose first is forged", `${session}; mh_edge=main.premium.${exp}.${flipped}; ${valid}`],
    ]) {
      const page = await get(edgeServer(), url, "gzip", cookie);
      expect(page.cache, what).toBe("BYPASS");
    }
  });

  it("honours no tier cookie while edge-secret.conf holds no key (or a short one)", async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "masthead-edge-nokey-"));
    const bare = await startEdge({ workDir: work, upstreamPorts: [(stub.address() as AddressInfo).port], mode: "cookie" });
    try {
      // Signed with the empty key: what anyone could compute if an empty key were trusted.
      const cookie = `${session}; mh_edge=${signEdgeValue("", binding, "premium", later())}`;
      for (let i = 0; i < 2; i++) expect((await get(bare, url, "gzip", cookie)).cache).toBe("BYPASS");
      expect((await get(bare, url, "gzip")).cache).not.toBe("BYPASS"); // anonymous readers are still cached
    } finally {
      await bare.stop();
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
