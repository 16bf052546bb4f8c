import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installEdgeBody, wantsEdgeBody } from "@/lib/http/edge-body";

const PAGE = "<!doctype html><h1>기사</h1>" + "<p>Lorem ipsum dolor sit amet, 깊이 읽는 연구.</p>".repeat(300);
// Next's own compression middleware (router-server.js applies it to every request), so the test sees
// what the server does: identity asked → it steps aside and edgeBody compresses the page whole.
type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
const compress = (createRequire(import.meta.url)("next/dist/compiled/compression") as () => Middleware)();

// Answers like Next does on its two paths: a render streamed in chunks after flushHeaders, and a
// cached page written whole with writeHead; plus the answers that are not pages.
function handler(req: http.IncomingMessage, res: http.ServerResponse) {
  compress(req, res, () => {});
  const pageHeaders = {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "private, no-store",
    "content-security-policy": "default-src 'self'",
    vary: "rsc, next-router-state-tree",
    "x-nextjs-cache": "HIT",
    "x-middleware-rewrite": "/t/main/premium/articles/a",
    "x-masthead-tier": "premium",
  };
  if (req.url === "/stream") {
    for (const [name, value] of Object.entries(pageHeaders)) res.setHeader(name, value);
    res.flushHeaders();
    const half = PAGE.length / 2;
    res.write(PAGE.slice(0, half));
    setTimeout(() => res.end(Buffer.from(PAGE.slice(half))), 5);
  } else if (req.url === "/whole") {
    res.writeHead(200, { ...pageHeaders, "content-length": Buffer.byteLength(PAGE) });
    res.end(PAGE);
  } else if (req.url === "/message") {
    res.writeHead(200, "OK", { "content-type": "text/html; charset=utf-8", "x-nextjs-cache": "HIT" });
    res.end(PAGE);
  } else if (req.url === "/unchanged") {
    res.writeHead(304, { "cache-control": "private, no-store" });
    res.end();
  } else if (req.url === "/missing") {
    res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
    res.end("<h1>404</h1>" + " ".repeat(2000));
  } else {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, pad: "x".repeat(2000) }));
  }
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
let port = 0;
function get(path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}
const EDGE = { "x-masthead-edge": "cookie", "accept-encoding": "gzip" };

let server: http.Server;
beforeAll(async () => {
  installEdgeBody();
  installEdgeBody(); // a second install must not wrap twice
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("edge page bodies", () => {
  it.each(["/stream", "/whole"])("%s: the edge gets the page gzip-compressed once, with its length and without headers no browser reads", async (path) => {
    const res = await get(path, EDGE);
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["transfer-encoding"]).toBeUndefined();
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(zlib.gunzipSync(res.body).toString()).toBe(PAGE);
    expect(res.headers["content-security-policy"]).toBe("default-src 'self'");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers["x-masthead-tier"]).toBe("premium");
    for (const name of ["x-nextjs-cache", "x-middleware-rewrite", "vary"]) expect(res.headers[name]).toBeUndefined();
  });

  it("headers given to writeHead with a status message are kept and edited the same way", async () => {
    const res = await get("/message", EDGE);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.headers["x-nextjs-cache"]).toBeUndefined();
    expect(zlib.gunzipSync(res.body).toString()).toBe(PAGE);
  });

  it("a 304 goes out without a body or a length", async () => {
    const res = await get("/unchanged", EDGE);
    expect(res.status).toBe(304);
    expect(res.headers["content-length"]).toBeUndefined();
    expect(res.body.length).toBe(0);
  });

  it("auth_request mode is the edge too", async () => {
    const res = await get("/stream", { ...EDGE, "x-masthead-edge": "auth" });
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
  });

  it("answers that are not pages keep their headers and body, with a length", async () => {
    const missing = await get("/missing", EDGE);
    expect(missing.status).toBe(404);
    expect(missing.headers["content-encoding"]).toBeUndefined();
    expect(missing.body.toString()).toMatch(/^<h1>404<\/h1>/);
    expect(Number(missing.headers["content-length"])).toBe(missing.body.length);
    const json = await get("/json", EDGE);
    expect(json.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(json.body.toString())).toMatchObject({ ok: true });
  });

  it("every other request is left to Next: streamed, compressed as it goes, headers untouched", async () => {
    const requests: Record<string, string>[] = [
      { "accept-encoding": "gzip" },
      { "x-masthead-edge": "", "accept-encoding": "gzip" },
      { "x-masthead-edge": "cookie" },
    ];
    for (const headers of requests) {
      const res = await get("/stream", headers);
      expect(res.headers["content-length"]).toBeUndefined();
      expect(res.headers["transfer-encoding"]).toBe("chunked");
      expect(res.headers["x-nextjs-cache"]).toBe("HIT");
      const body = res.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(res.body) : res.body;
      expect(body.toString()).toBe(PAGE);
      expect(res.headers["content-encoding"]).toBe(/gzip/.test(headers["accept-encoding"] ?? "") ? "gzip" : undefined);
    }
  });
});

describe("wantsEdgeBody", () => {
  it.each([
    ["GET", { "x-masthead-edge": "cookie", "accept-encoding": "gzip" }, true],
    ["GET", { "x-masthead-edge": "auth", "accept-encoding": "gzip, br" }, true],
    ["HEAD", { "x-masthead-edge": "cookie", "accept-encoding": "gzip" }, false],
    ["POST", { "x-masthead-edge": "cookie", "accept-encoding": "gzip" }, false],
    ["GET", { "x-masthead-edge": "other", "accept-encoding": "gzip" }, false],
    ["GET", { "x-masthead-edge": "cookie", "accept-encoding": "br" }, false],
    ["GET", { "accept-encoding": "gzip" }, false],
  ] as const)("%s %j → %s", (method, headers, expected) => {
    expect(wantsEdgeBody({ method, headers: { ...headers } })).toBe(expected);
  });
});
