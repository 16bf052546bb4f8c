import { describe, expect, it } from "vitest";
import { studioOnlyActions } from "@/lib/next-internals/server-actions";
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
    expect(
      serverActionRefusal("POST", headers({ ...action, host: "localhost:3000", "x-forwarded-host": "news.example", origin: "https://news.example" })),
    ).toBeNull();
    expect(
      serverActionRefusal("POST", headers({ ...action, host: "news.example", "x-forwarded-host": "other.example", origin: "https://news.example" }))?.status,
    ).toBe(403);
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

describe("studio actions outside the studio", () => {
  // The shape of Next 16.4's server-reference-manifest.json (node → id → workers).
  const manifest = {
    node: {
      studioOnly: { workers: { "app/studio/tokens/page": {} }, layer: {} },
      shared: { workers: { "app/studio/pieces/[id]/page": {}, "app/[lang]/account/page": {} } },
      reader: { workers: { "app/[lang]/account/page": {} } },
    },
    edge: {},
  };
  const isStudio = (id: string) => studioOnlyActions(manifest).has(id);
  const post = (id: string) => headers({ "next-action": id, host: "news.example", origin: "http://news.example" });

  it("knows the actions only studio pages import", () => {
    expect([...studioOnlyActions(manifest)]).toEqual(["studioOnly"]);
    expect(studioOnlyActions(null).size).toBe(0);
    expect(studioOnlyActions({ node: "?" }).size).toBe(0);
  });
  it("refuses a studio action posted to any other path with 403, and lets it run in the studio", () => {
    for (const path of ["/en/account", "/", "/articles/x", "/studiox", "/api/me"]) {
      expect(serverActionRefusal("POST", post("studioOnly"), path, isStudio)).toMatchObject({ status: 403, code: "forbidden:studio" });
    }
    expect(serverActionRefusal("POST", post("studioOnly"), "/studio/tokens", isStudio)).toBeNull();
    expect(serverActionRefusal("POST", post("reader"), "/en/account", isStudio)).toBeNull();
    expect(serverActionRefusal("POST", post("shared"), "/en/account", isStudio)).toBeNull();
  });
});
