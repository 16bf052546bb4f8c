import { describe, expect, it } from "vitest";
import { pricingHref, resolveReturnTo, signInHref } from "@/lib/routing/return-to";

describe("return addresses", () => {
  it.each([
    ["/articles/fiscal-rule", "/articles/fiscal-rule"],
    ["/articles/%EC%A3%BC%EA%B1%B0", "/articles/%EC%A3%BC%EA%B1%B0"],
    ["/en/pricing", "/en/pricing"],
    ["//evil.example", null],
    ["https://evil.example/", null],
    ["/\\evil.example", null],
    ["/%2F%2Fevil.example", null],
    ["javascript:alert(1)", null],
    ["", null],
    [null, null],
  ] as const)("%s → %s", (value, expected) => {
    expect(resolveReturnTo(value)).toBe(expected);
  });

  it("builds sign-in and plans links that carry a same-site path, in both languages", () => {
    expect(signInHref("ko", "/articles/a")).toBe("/signin?callbackUrl=%2Farticles%2Fa");
    expect(signInHref("en", "/articles/a")).toBe("/en/signin?callbackUrl=%2Farticles%2Fa");
    expect(pricingHref("ko", "/articles/a")).toBe("/pricing?returnTo=%2Farticles%2Fa");
    expect(pricingHref("en", "/articles/a")).toBe("/en/pricing?returnTo=%2Farticles%2Fa");
  });

  it("drops an address off the site and links plainly", () => {
    expect(signInHref("ko", "//evil.example")).toBe("/signin");
    expect(pricingHref("en", "https://evil.example")).toBe("/en/pricing");
    expect(pricingHref("ko")).toBe("/pricing");
  });
});
