import { describe, expect, it } from "vitest";
import { formatPrice, yearlySavingMonths } from "@/lib/pricing/format";

describe("price formatting", () => {
  it("shows won without decimals and dollars with cents", () => {
    expect(formatPrice(12900, "krw", "ko")).toBe("₩12,900");
    expect(formatPrice(12900, "krw", "en")).toBe("₩12,900");
    expect(formatPrice(1299, "usd", "en")).toBe("$12.99");
  });
  it("counts the months a yearly plan saves", () => {
    expect(yearlySavingMonths(12900, 129000)).toBe(2);
    expect(yearlySavingMonths(5900, 70800)).toBe(0);
    expect(yearlySavingMonths(0, 0)).toBe(0);
  });
});
