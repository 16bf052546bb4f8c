import { describe, expect, it } from "vitest";
import { hashFeedToken, newFeedToken, parseFeedFile, privateFeedPath } from "@/lib/feeds/token";

describe("private feed tokens", () => {
  it("are 256 random bits in URL-safe text, different every time", () => {
    const a = newFeedToken();
    const b = newFeedToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it("are stored as a SHA-256 hex digest that does not contain the secret", () => {
    const token = newFeedToken();
    const hash = hashFeedToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashFeedToken(token)).toBe(hash);
    expect(hashFeedToken(newFeedToken())).not.toBe(hash);
  });

  it("round-trip through the URL's file segment", () => {
    const token = newFeedToken();
    const path = privateFeedPath(token);
    expect(path).toBe(`/api/feeds/private/${token}.xml`);
    expect(parseFeedFile(`${token}.xml`)).toBe(token);
    expect(privateFeedPath(token, "en")).toBe(`/api/feeds/private/${token}.xml?lang=en`);
  });

  it.each([
    ["no extension", "a".repeat(43)],
    ["wrong extension", `${"a".repeat(43)}.rss`],
    ["too short", `${"a".repeat(42)}.xml`],
    ["too long", `${"a".repeat(44)}.xml`],
    ["not base64url", `${"a".repeat(42)}/.xml`],
    ["padding", `${"a".repeat(42)}=.xml`],
    ["empty", ".xml"],
  ])("refuse a segment with %s", (_label, file) => {
    expect(parseFeedFile(file)).toBeNull();
  });
});
