import { describe, expect, it } from "vitest";
import { formatDate } from "@/lib/i18n";
import { formatDateTime, formatDay, zoneAbbreviation } from "@/lib/time/format";

describe("one clock per screen", () => {
  it.each([
    ["2026-12-06T05:05:00Z", "2026-12-06 14:05"],
    // 15:00 UTC is already the next day in Seoul: the day boundary is the zone's.
    ["2026-12-06T15:00:00Z", "2026-12-07 00:00"],
    ["2026-12-06T14:59:00Z", "2026-12-06 23:59"],
  ])("%s → %s in Asia/Seoul on a 24-hour clock", (iso, text) => {
    expect(formatDateTime(iso)).toBe(text);
    expect(formatDateTime(new Date(iso))).toBe(text);
  });

  it("shows the zone abbreviation where asked, never AM/PM or 오전/오후", () => {
    const text = formatDateTime("2026-12-06T05:05:00Z", { zone: true });
    expect(text).toBe("2026-12-06 14:05 KST");
    expect(text).not.toMatch(/AM|PM|오전|오후|UTC/);
  });

  it("follows the publication's zone", () => {
    expect(formatDateTime("2026-12-06T05:05:00Z", { timeZone: "UTC", zone: true })).toBe("2026-12-06 05:05 UTC");
    expect(formatDateTime("2026-07-01T12:00:00Z", { timeZone: "America/New_York", zone: true })).toBe("2026-07-01 08:00 EDT");
    expect(zoneAbbreviation("Asia/Tokyo")).toBe("JST");
  });

  it("prints a dash for missing or invalid instants", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
    expect(formatDay(undefined)).toBe("—");
  });

  it("days are the zone's calendar days", () => {
    expect(formatDay("2026-12-31T15:30:00Z")).toBe("2027-01-01");
    expect(formatDay("2026-12-31T15:30:00Z", "UTC")).toBe("2026-12-31");
  });

  it("reader dates are the publication's calendar days, in the reader's language", () => {
    // 00:30 on the 6th in Seoul is still the 5th in New York.
    expect(formatDate("2026-12-05T15:30:00Z", "ko", "Asia/Seoul")).toBe("2026년 12월 6일");
    expect(formatDate("2026-12-05T15:30:00Z", "en", "Asia/Seoul")).toBe("Dec 6, 2026");
    expect(formatDate(new Date("2026-12-05T15:30:00Z"), "en", "America/New_York")).toBe("Dec 5, 2026");
  });
});
