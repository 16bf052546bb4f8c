import { describe, expect, it } from "vitest";
import { resolvePlanBenefits, resolveYearlySaving } from "@/lib/pricing/plan-copy";

describe("yearly saving", () => {
  it.each([
    // monthly, yearly, expected
    [12900, 129000, { amount: 25800, percent: 16 }],
    [5900, 59000, { amount: 11800, percent: 16 }],
    [1000, 6000, { amount: 6000, percent: 50 }],
    [1000, 11999, { amount: 1, percent: 0 }],
    [1000, 12000, null],
    [1000, 13000, null],
    [0, 10000, null],
    [null, 10000, null],
    [1000, null, null],
    [1000, 0, null],
  ] as const)("monthly %s, yearly %s → %o", (monthly, yearly, expected) => {
    expect(resolveYearlySaving(monthly, yearly)).toEqual(expected);
  });
});

describe("plan benefits", () => {
  const label = "Join the comment discussions";
  it("lists each benefit once and the comment right once", () => {
    expect(resolvePlanBenefits(["Every piece", "Join the comment discussions", " every  piece "], true, label)).toEqual(["Every piece", label]);
  });
  it("adds the comment right when the tier has it and the list does not", () => {
    expect(resolvePlanBenefits(["Every piece"], true, label)).toEqual(["Every piece", label]);
  });
  it("shows no bullet for a missing comment right", () => {
    expect(resolvePlanBenefits(["Supporter pieces"], false, label)).toEqual(["Supporter pieces"]);
  });
  it("does not promise commenting on a tier without the right", () => {
    expect(resolvePlanBenefits(["Supporter pieces", "Join the comment discussions"], false, label)).toEqual(["Supporter pieces"]);
  });
  it("drops blank entries", () => {
    expect(resolvePlanBenefits(["", "  ", "A"], false, label)).toEqual(["A"]);
  });
});
