import { describe, expect, it } from "vitest";
import { buildAccessClaims, judgeSession, parseAccessClaims, tierFromClaims } from "@/lib/auth/claims";
import { TIERS } from "./access-fixtures";

const member = { id: 7, role: "reader" as const, accessEpoch: 3 };
const at = (iso: string) => new Date(iso);

describe("session access claims", () => {
  const grants = [
    { tierSlug: "premium", startsAt: at("2026-12-01T00:00:00Z"), endsAt: at("2026-12-03T00:00:00Z"), revokedAt: null },
    { tierSlug: "supporter", startsAt: at("2026-12-01T00:00:00Z"), endsAt: at("2026-12-30T00:00:00Z"), revokedAt: null },
  ];
  const claims = buildAccessClaims(member, grants, TIERS, at("2026-12-02T00:00:00Z"));

  it("carries the next steps so expiry falls to the overlapping lower tier, then free", () => {
    expect(tierFromClaims(claims, at("2026-12-02T23:59:59.999Z"))).toBe("premium");
    expect(tierFromClaims(claims, at("2026-12-03T00:00:00Z"))).toBe("supporter");
    expect(tierFromClaims(claims, at("2026-12-29T23:59:59.999Z"))).toBe("supporter");
    expect(tierFromClaims(claims, at("2026-12-30T00:00:00Z"))).toBe("free");
  });

  it("is valid for clocks slightly behind the minting one", () => {
    expect(tierFromClaims(claims, at("2026-12-01T23:59:59.000Z"))).toBe("premium");
  });

  it("is stale once a newer epoch is known, fresh otherwise", () => {
    expect(judgeSession(claims, 3, at("2026-12-02T01:00:00Z"))).toEqual({ kind: "fresh", tier: "premium" });
    expect(judgeSession(claims, 4, at("2026-12-02T01:00:00Z"))).toEqual({ kind: "stale" });
  });

  it("is stale when the timeline no longer covers the instant", () => {
    const many = Array.from({ length: 6 }, (_, i) => ({
      tierSlug: i % 2 ? "premium" : "supporter",
      startsAt: at(`2026-12-0${i + 1}T00:00:00Z`),
      endsAt: at(`2026-12-0${i + 2}T00:00:00Z`),
      revokedAt: null,
    }));
    const short = buildAccessClaims(member, many, TIERS, at("2026-12-01T00:00:00Z"));
    expect(short.tl.length).toBeLessThanOrEqual(4);
    expect(judgeSession(short, 3, at("2026-12-06T12:00:00Z"))).toEqual({ kind: "stale" });
  });

  it("rejects tampered or malformed claims", () => {
    expect(parseAccessClaims(claims)).toEqual(claims);
    expect(parseAccessClaims({ ...claims, role: "superuser" })).toBeNull();
    expect(parseAccessClaims({ ...claims, tl: [] })).toBeNull();
    expect(parseAccessClaims({ ...claims, mid: "7" })).toBeNull();
    expect(parseAccessClaims(null)).toBeNull();
  });
});
