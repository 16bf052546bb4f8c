import { describe, expect, it } from "vitest";
import { isSafeCallback, resolveRedirect, safeCallback } from "@/lib/auth/callback-url";

const BASE = "http://localhost:3100";

// Each of these would take a reader off the site (or run script) if used as a Location or href.
const hostile = [
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%2Fevil.example",
  "/%2fevil.example",
  "%2F%2Fevil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "/%252Fevil.example",
  "/%25252F%25252Fevil.example",
  "/%09/evil.example",
  "/%0d%0a/evil.example",
  "/%E2%80%A8",
  "https://evil.example",
  "https://evil.example/",
  "http:evil.example",
  "https:/evil.example",
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "",
  " /",
  "/\u0000",
  "/\u007f",
  "/%",
  `/${"a".repeat(3000)}`,
];

const safe = ["/", "/en", "/articles/some-piece", "/studio", "/en/pricing?interval=yearly", "/search?q=%ED%95%9C%EA%B5%AD%EC%96%B4", "/articles/x#comments"];

describe("isSafeCallback", () => {
  it.each(hostile)("rejects %j", (value) => expect(isSafeCallback(value)).toBe(false));
  it.each(safe)("accepts %j", (value) => expect(isSafeCallback(value)).toBe(true));
  it("safeCallback falls back for anything hostile", () => {
    expect(safeCallback("//evil.example", "/en")).toBe("/en");
    expect(safeCallback(undefined, "/en")).toBe("/en");
    expect(safeCallback("/account", "/en")).toBe("/account");
  });
});

describe("resolveRedirect (next-auth redirect callback)", () => {
  it.each(hostile)("sends %j home", (value) => expect(resolveRedirect(value, BASE)).toBe(BASE));
  it.each([
    "http://localhost:3100@evil.example/",
    "http://localhost:3100.evil.example/",
    "http://evil.example/?http://localhost:3100",
    "https://localhost:3100/account",
    "http://localhost:3101/account",
    "http://localhost:3100//evil.example",
    "http://localhost:3100/\\evil.example",
    "http://localhost:3100/%2F%2Fevil.example",
  ])("sends absolute %j home", (value) => expect(resolveRedirect(value, BASE)).toBe(BASE));
  it.each([
    ["/account", `${BASE}/account`],
    ["/en/pricing?interval=yearly", `${BASE}/en/pricing?interval=yearly`],
    [`${BASE}/articles/x`, `${BASE}/articles/x`],
    [`${BASE}/`, `${BASE}/`],
    [BASE, `${BASE}/`],
  ])("keeps same-site %j", (value, out) => expect(resolveRedirect(value, `${BASE}/`)).toBe(out));
});
