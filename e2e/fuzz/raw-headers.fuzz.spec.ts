import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { ADMIN_API_TOKEN } from "../support/auth";
import { fuzz } from "./support/fuzz";
import { assertClean } from "./support/oracles";
import { buildRequest, rawRequest } from "./support/raw-http";

// Requests no well-behaved client sends, written byte for byte: raw non-UTF-8 bytes in the path,
// CR/LF inside header values, bogus or missing Host, duplicated and overlong headers.

const paths = [
  "/",
  "/articles/flood-risk-climate-data",
  "/en/search",
  "/feed.xml",
  "/api/me",
  "/api/health",
  "/api/articles/flood-risk-climate-data/comments",
  "/studio",
  "/api/admin/v1/articles",
];

const rawPath = fc.oneof(
  fc.constantFrom(...paths).map((p) => Buffer.from(p)),
  fc.tuple(fc.constantFrom("/tags/", "/search?q=", "/authors/", "/api/og/"), fc.uint8Array({ minLength: 1, maxLength: 12 })).map(([p, bytes]) =>
    // Raw bytes ≥ 0x80 only (controls and spaces would end the request line, which is a 400 by design).
    Buffer.concat([Buffer.from(p), Buffer.from(bytes.map((b) => 0x80 | b))]),
  ),
);

const header = fc.oneof(
  fc.constantFrom<[string, string]>(
    ["X-Forwarded-Host", "evil.example"],
    ["X-Forwarded-Proto", "javascript"],
    ["X-Forwarded-For", "127.0.0.1, 10.0.0.1, ::1"],
    ["X-Real-IP", "127.0.0.1"],
    ["x-middleware-subrequest", "proxy:proxy:proxy:proxy:proxy"],
    ["RSC", "1"],
    ["Next-Router-State-Tree", "%ff%fe"],
    ["Cookie", `next-auth.session-token=${"x".repeat(7000)}`],
    ["Authorization", `Bearer ${ADMIN_API_TOKEN}\u0000`],
    ["Accept-Language", "ko;q=abc, *;q=-1"],
    ["Content-Type", "application/json; charset=\u00ff"],
  ),
  fc
    .tuple(fc.constantFrom("X-Fuzz", "Accept", "User-Agent", "Referer"), fc.uint8Array({ maxLength: 40 }))
    .map(([k, bytes]) => [k, Buffer.from(bytes.map((b) => (b < 0x20 || b === 0x7f ? 0x41 : b))).toString("latin1")] as [string, string]),
);

const host = fc.constantFrom<string | null>(
  null,
  "evil.example",
  "localhost:1",
  "",
  "a".repeat(300),
  "localhost\u00ff",
  "[::1]:99999",
  "localhost, evil.example",
);

test.describe("fuzz: raw HTTP", () => {
  test("raw bytes in paths, odd headers and hosts never produce a 5xx or a stack trace", async () => {
    test.setTimeout(120_000);
    await fuzz(
      "raw http",
      fc.record({ path: rawPath, headers: fc.array(header, { maxLength: 4 }), host: fc.oneof(fc.constant(undefined), host) }),
      async ({ path, headers, host: h }) => {
        const res = await rawRequest(buildRequest({ path, headers, host: h }));
        const label = `GET ${path.toString("latin1")} host=${JSON.stringify(h)} ${JSON.stringify(headers).slice(0, 200)}`;
        expect(res.status, `${label}: no HTTP response`).toBeGreaterThan(0);
        assertClean({ status: res.status, body: res.body, label });
      },
      250,
    );
  });

  test("header injection: CR/LF in header values and the path never splits the response", async () => {
    const injections = [
      buildRequest({ path: "/api/me", headers: [["X-Fuzz", "a\r\nSet-Cookie: injected=1"]] }),
      buildRequest({ path: "/search?q=a%0d%0aSet-Cookie:%20injected=1", headers: [] }),
      buildRequest({ path: "/signin?callbackUrl=%0d%0aSet-Cookie:%20injected=1", headers: [] }),
      buildRequest({ path: "/en/articles/x%0d%0aSet-Cookie:%20injected=1", headers: [] }),
      buildRequest({ path: "/api/health", headers: [["Host", "localhost\r\nX-Injected: 1"]], host: null }),
    ];
    for (const bytes of injections) {
      const res = await rawRequest(bytes);
      const label = bytes.toString("latin1").split("\r\n")[0];
      assertClean({ status: res.status, body: res.body, label });
      expect(res.head, label).not.toMatch(/^set-cookie: injected=1/im);
      expect(res.head, label).not.toMatch(/^x-injected:/im);
    }
  });
});
