import { describe, expect, it } from "vitest";
import { buildAccessClaims, claimsUntil, CLAIMS_MAX_AGE_MS, EPOCH_LOOKBACK_MS, judgeSession, parseAccessClaims, tierFromClaims } from "@/lib/auth/claims";
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

  // This instance knows every epoch change since a day before the claims were derived.
  const knownSince = at("2026-12-01T00:00:00Z").getTime();

  it("is stale once a newer epoch is known, fresh otherwise", () => {
    expect(judgeSession(claims, { epoch: 3, knownSince }, at("2026-12-02T01:00:00Z"))).toEqual({ kind: "fresh", tier: "premium" });
    expect(judgeSession(claims, { epoch: 4, knownSince }, at("2026-12-02T01:00:00Z"))).toEqual({ kind: "stale" });
  });

  it("is stale when derived before the changes this instance knows of, or before it knows any", () => {
    const derived = claims.at;
    expect(judgeSession(claims, { epoch: 3, knownSince: derived }, at("2026-12-02T01:00:00Z")).kind).toBe("fresh");
    expect(judgeSession(claims, { epoch: 3, knownSince: derived + 1 }, at("2026-12-02T01:00:00Z"))).toEqual({ kind: "stale" });
    expect(judgeSession(claims, { epoch: 0, knownSince: null }, at("2026-12-02T01:00:00Z"))).toEqual({ kind: "stale" });
  });

  it("is stale once older than the claims' lifetime, however often the session was renewed", () => {
    const lastTrusted = new Date(claims.at + CLAIMS_MAX_AGE_MS);
    expect(judgeSession(claims, { epoch: 3, knownSince }, lastTrusted).kind).toBe("fresh");
    expect(judgeSession(claims, { epoch: 3, knownSince }, new Date(lastTrusted.getTime() + 1))).toEqual({ kind: "stale" });
    // A restarted instance loads changes since EPOCH_LOOKBACK_MS ago: a claim it still accepts by
    // age was derived after the oldest change it knows.
    expect(EPOCH_LOOKBACK_MS).toBeGreaterThan(CLAIMS_MAX_AGE_MS);
  });

  it("tokens minted before claims carried their derivation instant are re-derived", () => {
    const legacy: Record<string, unknown> = { ...claims };
    delete legacy.at;
    const parsed = parseAccessClaims(legacy);
    expect(parsed?.at).toBe(0);
    expect(judgeSession(parsed!, { epoch: 3, knownSince }, at("2026-12-02T01:00:00Z"))).toEqual({ kind: "stale" });
  });

  it("names when the current step ends", () => {
    expect(claimsUntil(claims, at("2026-12-02T01:00:00Z"))).toBe(at("2026-12-03T00:00:00Z").getTime());
    expect(claimsUntil(claims, at("2026-12-29T00:00:00Z"))).toBe(at("2026-12-30T00:00:00Z").getTime());
    expect(claimsUntil(claims, at("2026-12-31T00:00:00Z"))).toBeNull();
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
    expect(judgeSession(short, { epoch: 3, knownSince }, at("2026-12-06T12:00:00Z"))).toEqual({ kind: "stale" });
  });

  it("rejects tampered or malformed claims", () => {
    expect(parseAccessClaims(claims)).toEqual(claims);
    expect(parseAccessClaims({ ...claims, role: "superuser" })).toBeNull();
    expect(parseAccessClaims({ ...claims, tl: [] })).toBeNull();
    expect(parseAccessClaims({ ...claims, mid: "7" })).toBeNull();
    expect(parseAccessClaims(null)).toBeNull();
  });
});
