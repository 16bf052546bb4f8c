import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLookupKey } from "@/lib/http/lookup-key";

// Regression for the fuzz finding "/authors/%00 → 500": a NUL reached PostgreSQL as a query
// parameter (22021 invalid byte sequence). Keys that cannot name a row never reach the database.
describe("isLookupKey", () => {
  it.each([
    ["energy-transition", true],
    ["에너지-전환", true],
    ["a".repeat(200), true],
    ["", false],
    ["\u0000", false],
    ["a\u0000b", false],
    ["tab\there", false],
    ["line\nbreak", false],
    ["del\u007f", false],
    ["c1\u0085", false],
    ["a".repeat(201), false],
  ])("%j → %s", (key, ok) => {
    expect(isLookupKey(key)).toBe(ok);
  });

  it("refuses every string holding a NUL, whatever surrounds it", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => !isLookupKey(`${a}\u0000${b}`)),
      { seed: 20261128 },
    );
  });
});
