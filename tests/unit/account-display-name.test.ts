import { describe, expect, it } from "vitest";
import { DISPLAY_NAME_MAX, resolveDisplayName, validateDisplayName } from "@/lib/account/display-name";

describe("validateDisplayName", () => {
  it.each([
    ["trims and collapses spaces", "  김  독자 ", "김 독자"],
    ["keeps Korean and English names", "Reader Kim", "Reader Kim"],
    ["accepts exactly the maximum in code points (Korean)", "가".repeat(DISPLAY_NAME_MAX), "가".repeat(DISPLAY_NAME_MAX)],
    ["counts an emoji as one character", "😀".repeat(DISPLAY_NAME_MAX), "😀".repeat(DISPLAY_NAME_MAX)],
    ["allows a dot followed by a space", "Dr. Lee", "Dr. Lee"],
  ])("%s", (_name, input, expected) => expect(validateDisplayName(input)).toEqual({ ok: true, value: expected }));

  it.each([
    ["empty", "", "empty"],
    ["only spaces", "   ", "empty"],
    ["one past the maximum", "가".repeat(DISPLAY_NAME_MAX + 1), "too_long"],
    ["a newline inside", "김\n독자", "control"],
    ["a NUL", "a\u0000b", "control"],
    ["a right-to-left override", "admin\u202etxt", "control"],
    ["a zero-width space", "ad\u200bmin", "control"],
    ["an http URL", "visit http://spam.example", "url"],
    ["a bare www address", "www.spam", "url"],
    ["a domain name", "buy cheap.shop now", "url"],
    ["a domain at the end", "spam.com", "url"],
  ])("rejects %s", (_name, input, error) => expect(validateDisplayName(input)).toEqual({ ok: false, error }));
});

describe("resolveDisplayName", () => {
  it("is null when unset or no longer valid, so comments show the anonymous label", () => {
    expect(resolveDisplayName(null)).toBeNull();
    expect(resolveDisplayName("")).toBeNull();
    expect(resolveDisplayName("spam.com")).toBeNull();
    expect(resolveDisplayName(" 김독자 ")).toBe("김독자");
  });
});
