import { describe, expect, it } from "vitest";
import { hasMalformedEscape, serverActionRefusal } from "@/lib/routing/request-shape";

const headers = (h: Record<string, string>) => new Headers(h);

describe("hasMalformedEscape", () => {
  it.each(["/articles/%", "/articles/%2", "/tags/%zz", "/%ff", "/api/og/%c0%af", "/a/%e0%a4", "/a/%ed%a0%80", "/a/%f4%90%80%80"])("refuses %s", (p) => {
    expect(hasMalformedEscape(p)).toBe(true);
  });
  it.each(["/", "/articles/hello", "/tags/%EB%B0%98%EB%8F%84%EC%B2%B4", "/a/%25", "/a/%2F", "/search"])("accepts %s", (p) => {
    expect(hasMalformedEscape(p)).toBe(false);
  });
});

describe("serverActionRefusal", () => {
  const action = { "next-action": "0".repeat(42), host: "news.example" };
  it("ignores requests that are not server actions", () => {
    expect(serverActionRefusal("POST", headers({ host: "news.example", origin: "http://evil.example" }))).toBeNull();
    expect(serverActionRefusal("GET", headers({ ...action, origin: "http://evil.example" }))).toBeNull();
  });
  it("refuses a cross-origin action with 403", () => {
    expect(serverActionRefusal("POST", headers({ ...action, origin: "http://evil.example" }))?.status).toBe(403);
    expect(serverActionRefusal("POST", headers({ ...action, origin: "null" }))?.status).toBe(403);
    expect(serverActionRefusal("POST", headers({ ...action, origin: "http://news.example.evil.example" }))?.status).toBe(403);
  });
  it("compares with the forwarded host behind a proxy, as Next does", () => {
    expect(serverActionRefusal("POST", headers({ ...action, host: "localhost:3000", "x-forwarded-host": "news.example", origin: "https://news.example" }))).toBeNull();
    expect(serverActionRefusal("POST", headers({ ...action, host: "news.example", "x-forwarded-host": "other.example", origin: "https://news.example" }))?.status).toBe(403);
  });
  it("accepts a same-origin action and one without Origin", () => {
    expect(serverActionRefusal("POST", headers({ ...action, origin: "https://news.example" }))).toBeNull();
    expect(serverActionRefusal("POST", headers(action))).toBeNull();
  });
  it("refuses an empty multipart body with 400", () => {
    const r = serverActionRefusal("POST", headers({ ...action, "content-type": "multipart/form-data; boundary=x", "content-length": "0" }));
    expect(r).toMatchObject({ status: 400, code: "invalid:body" });
    expect(serverActionRefusal("POST", headers({ ...action, "content-type": "multipart/form-data; boundary=x", "content-length": "120" }))).toBeNull();
  });
});
