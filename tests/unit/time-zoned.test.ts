import { describe, expect, it } from "vitest";
import { instantToWallTime, wallTimeToInstant } from "@/lib/time/zoned";

describe("wall-clock time in a publication's zone", () => {
  it("reads a datetime-local value on the publication's clock, not the machine's", () => {
    expect(wallTimeToInstant("2026-12-31T09:00", "Asia/Seoul")?.toISOString()).toBe("2026-12-31T00:00:00.000Z");
    expect(wallTimeToInstant("2026-12-31T09:00:30", "Asia/Seoul")?.toISOString()).toBe("2026-12-31T00:00:30.000Z");
    expect(wallTimeToInstant("2027-01-01T00:00:00", "UTC")?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("follows daylight saving time where the zone has it", () => {
    // New York: EST (−5) in January, EDT (−4) in July.
    expect(wallTimeToInstant("2026-01-15T12:00", "America/New_York")?.toISOString()).toBe("2026-01-15T17:00:00.000Z");
    expect(wallTimeToInstant("2026-07-15T12:00", "America/New_York")?.toISOString()).toBe("2026-07-15T16:00:00.000Z");
  });

  it("refuses what is not a datetime-local value", () => {
    for (const bad of ["", "tomorrow", "2026-13-01T09:00", "2026-02-30T09:00", "2026-12-31T24:00", "2026-12-31 09:00:00Z"]) {
      expect(wallTimeToInstant(bad, "Asia/Seoul")).toBeNull();
    }
  });

  it("shows an instant as the input's value on that clock, and back", () => {
    const at = new Date("2026-12-06T14:05:09.000Z");
    expect(instantToWallTime(at, "Asia/Seoul")).toBe("2026-12-06T23:05:09");
    expect(instantToWallTime(at.toISOString(), "America/New_York")).toBe("2026-12-06T09:05:09");
    expect(wallTimeToInstant(instantToWallTime(at, "Asia/Seoul"), "Asia/Seoul")?.getTime()).toBe(at.getTime());
    expect(instantToWallTime("not a date", "Asia/Seoul")).toBe("");
  });
});
