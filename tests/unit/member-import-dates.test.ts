import { describe, expect, it } from "vitest";
import { endOfAccess, isNoDate, parseDateCell } from "@/lib/import/members/dates";
import { zonedInstant } from "@/lib/time/zoned";

const SEOUL = "Asia/Seoul";
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

describe("membership dates", () => {
  it.each([
    ["2026-12-31", SEOUL, "2026-12-30T15:00:00.000Z", true],
    ["2026-12-31 09:30:00", SEOUL, "2026-12-31T00:30:00.000Z", false],
    ["2026-12-31T09:30:00Z", SEOUL, "2026-12-31T09:30:00.000Z", false],
    ["2027-02-01T10:20:44.000Z", SEOUL, "2027-02-01T10:20:44.000Z", false],
    ["2026-12-31T09:30:00+09:00", "UTC", "2026-12-31T00:30:00.000Z", false],
    ["2026/03/05", SEOUL, "2026-03-04T15:00:00.000Z", true],
    ["2026.03.05", SEOUL, "2026-03-04T15:00:00.000Z", true],
    ["2026-03-08", "America/New_York", "2026-03-08T05:00:00.000Z", true],
  ])("%s in %s", (raw, tz, want, dateOnly) => {
    expect(parseDateCell(raw, tz)).toEqual({ at: new Date(want), dateOnly });
  });

  it("reads PMPro's older m/d/Y only when asked, and refuses what is not a date", () => {
    expect(iso(parseDateCell("02/29/2020", SEOUL, { mdy: true })?.at)).toBe("2020-02-28T15:00:00.000Z");
    expect(parseDateCell("02/29/2020", SEOUL)).toBeNull();
    for (const bad of ["2026-13-01", "2026-02-30", "31/12/2026", "next week", "2026-12-31T25:00:00Z", "02/30/2021"]) {
      expect(parseDateCell(bad, SEOUL, { mdy: true }), bad).toBeNull();
    }
  });

  it("N/A, Never and blanks are no date", () => {
    for (const none of ["", " ", "N/A", "Never", "none", "0000-00-00 00:00:00"]) expect(isNoDate(none), none).toBe(true);
    expect(isNoDate("2026-01-01")).toBe(false);
  });

  it("an expiry given as a day lasts to the end of that day in the zone; an instant is kept as is", () => {
    const day = parseDateCell("2026-12-31", SEOUL)!;
    expect(iso(endOfAccess(day, SEOUL))).toBe("2026-12-31T15:00:00.000Z");
    const instant = parseDateCell("2026-12-31T09:30:00Z", SEOUL)!;
    expect(iso(endOfAccess(instant, SEOUL))).toBe("2026-12-31T09:30:00.000Z");
    // Across a DST change: the 8th of March 2026 in New York is 23 hours long.
    const dst = parseDateCell("2026-03-08", "America/New_York")!;
    expect(endOfAccess(dst, "America/New_York").getTime() - dst.at.getTime()).toBe(23 * 3600_000);
    // Month and year ends roll over.
    expect(iso(zonedInstant(2026, 12, 32, 0, 0, 0, SEOUL))).toBe("2026-12-31T15:00:00.000Z");
  });
});
