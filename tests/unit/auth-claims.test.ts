import { describe, expect, it } from "vitest";
import type { NetworkTier } from "@/lib/access";
import {
  buildAccessClaims,
  claimsCover,
  claimsUntil,
  CLAIMS_MAX_AGE_MS,
  EPOCH_LOOKBACK_MS,
  judgeSession,
  MAX_CLAIM_PUBLICATIONS,
  parseAccessClaims,
  staffFromClaims,
  tierFromClaims,
} from "@/lib/auth/claims";
import { TIERS } from "./access-fixtures";

const member = { id: 7, role: "reader" as const, accessEpoch: 3 };
const at = (iso: string) => new Date(iso);
const A = 1;
const B = 2;
// Publication A has the four fixture tiers; B has premium only, which A's premium includes.
const NETWORK: NetworkTier[] = [
  ...TIERS.map((t) => ({ ...t, publicationId: A, includes: t.slug === "premium" ? [{ publicationId: B, slug: "premium" }] : [] })),
  { slug: "free", name: "Free", rank: 0, canComment: false, publicationId: B, includes: [] },
  { slug: "premium", name: "B Premium", rank: 1, canComment: true, publicationId: B, includes: [] },
];

describe("session access claims", () => {
  const grants = [
    { publicationId: A, tierSlug: "premium", startsAt: at("2026-12-01T00:00:00Z"), endsAt: at("2026-12-03T00:00:00Z"), revokedAt: null },
    { publicationId: A, tierSlug: "supporter", startsAt: at("2026-12-01T00:00:00Z"), endsAt: at("2026-12-30T00:00:00Z"), revokedAt: null },
  ];
  const claims = buildAccessClaims(member, grants, NETWORK, [], at("2026-12-02T00:00:00Z"));

  it("carries the next steps so expiry falls to the overlapping lower tier, then free", () => {
    expect(tierFromClaims(claims, A, at("2026-12-02T23:59:59.999Z"))).toBe("premium");
    expect(tierFromClaims(claims, A, at("2026-12-03T00:00:00Z"))).toBe("supporter");
    expect(tierFromClaims(claims, A, at("2026-12-29T23:59:59.999Z"))).toBe("supporter");
    expect(tierFromClaims(claims, A, at("2026-12-30T00:00:00Z"))).toBe("free");
  });

  it("carries a bundle: A's premium reads B's premium until A's grant ends", () => {
    expect(tierFromClaims(claims, B, at("2026-12-02T12:00:00Z"))).toBe("premium");
    expect(tierFromClaims(claims, B, at("2026-12-03T00:00:00Z"))).toBe("free");
    expect(claimsUntil(claims, B, at("2026-12-02T12:00:00Z"))).toBe(at("2026-12-03T00:00:00Z").getTime());
  });

  it("a publication the member has nothing in is plain signed-in reading, forever", () => {
    expect(tierFromClaims(claims, 99, at("2027-06-01T00:00:00Z"))).toBe("free");
    expect(claimsUntil(claims, 99, at("2026-12-02T00:00:00Z"))).toBeNull();
  });

  it("is valid for clocks slightly behind the minting one", () => {
    expect(tierFromClaims(claims, A, at("2026-12-01T23:59:59.000Z"))).toBe("premium");
  });

  // This instance knows every epoch change since a day before the claims were derived.
  const knownSince = at("2026-12-01T00:00:00Z").getTime();

  it("is stale once a newer epoch or access generation is known, fresh otherwise", () => {
    expect(judgeSession(claims, { epoch: 3, knownSince }, A, at("2026-12-02T01:00:00Z"))).toEqual({ kind: "fresh", tier: "premium" });
    expect(judgeSession(claims, { epoch: 4, knownSince }, A, at("2026-12-02T01:00:00Z"))).toEqual({ kind: "stale" });
    expect(judgeSession(claims, { epoch: 3, knownSince, generation: 1 }, A, at("2026-12-02T01:00:00Z"))).toEqual({ kind: "stale" });
  });

  it("is stale when derived before the changes this instance knows of, or before it knows any", () => {
    const derived = claims.at;
    expect(judgeSession(claims, { epoch: 3, knownSince: derived }, A, at("2026-12-02T01:00:00Z")).kind).toBe("fresh");
    expect(judgeSession(claims, { epoch: 3, knownSince: derived + 1 }, A, at("2026-12-02T01:00:00Z"))).toEqual({ kind: "stale" });
    expect(judgeSession(claims, { epoch: 0, knownSince: null }, A, at("2026-12-02T01:00:00Z"))).toEqual({ kind: "stale" });
  });

  it("is stale once older than the claims' lifetime, however often the session was renewed", () => {
    const lastTrusted = new Date(claims.at + CLAIMS_MAX_AGE_MS);
    expect(judgeSession(claims, { epoch: 3, knownSince }, A, lastTrusted).kind).toBe("fresh");
    expect(judgeSession(claims, { epoch: 3, knownSince }, A, new Date(lastTrusted.getTime() + 1))).toEqual({ kind: "stale" });
    // A restarted instance loads changes since EPOCH_LOOKBACK_MS ago: a claim it still accepts by
    // age was derived after the oldest change it knows.
    expect(EPOCH_LOOKBACK_MS).toBeGreaterThan(CLAIMS_MAX_AGE_MS);
  });

  it("tokens minted before claims carried their derivation instant and publications are re-derived", () => {
    const legacy = { mid: 7, role: "reader", epoch: 3, tl: [["premium", 0, null]] };
    const parsed = parseAccessClaims(legacy);
    expect(parsed).toMatchObject({ at: 0, pubs: [], gen: 0 });
    expect(judgeSession(parsed!, { epoch: 3, knownSince }, A, at("2026-12-02T01:00:00Z"))).toEqual({ kind: "stale" });
  });

  it("names when the current step ends", () => {
    expect(claimsUntil(claims, A, at("2026-12-02T01:00:00Z"))).toBe(at("2026-12-03T00:00:00Z").getTime());
    expect(claimsUntil(claims, A, at("2026-12-29T00:00:00Z"))).toBe(at("2026-12-30T00:00:00Z").getTime());
    expect(claimsUntil(claims, A, at("2026-12-31T00:00:00Z"))).toBeNull();
  });

  it("is stale when the timeline no longer covers the instant", () => {
    const many = Array.from({ length: 6 }, (_, i) => ({
      publicationId: A,
      tierSlug: i % 2 ? "premium" : "supporter",
      startsAt: at(`2026-12-0${i + 1}T00:00:00Z`),
      endsAt: at(`2026-12-0${i + 2}T00:00:00Z`),
      revokedAt: null,
    }));
    const short = buildAccessClaims(member, many, NETWORK, [], at("2026-12-01T00:00:00Z"));
    expect(short.pubs.find(([id]) => id === A)![1].length).toBeLessThanOrEqual(4);
    expect(judgeSession(short, { epoch: 3, knownSince }, A, at("2026-12-06T12:00:00Z"))).toEqual({ kind: "stale" });
  });

  it("carries studio roles per publication", () => {
    const staffed = buildAccessClaims(member, [], NETWORK, [{ publicationId: B, role: "editor" }], at("2026-12-02T00:00:00Z"));
    expect(staffFromClaims(staffed)).toEqual([{ publicationId: B, role: "editor" }]);
    expect(tierFromClaims(staffed, B, at("2026-12-02T00:00:00Z"))).toBe("free");
  });

  it("degrades past the cookie budget: the visited publication first, the rest re-minted on a visit", () => {
    const pubs = Array.from({ length: MAX_CLAIM_PUBLICATIONS + 3 }, (_, i) => 100 + i);
    const tiers: NetworkTier[] = pubs.flatMap((p) => [{ slug: "premium", rank: 1, canComment: false, publicationId: p, includes: [] }]);
    const everywhere = pubs.map((p) => ({ publicationId: p, tierSlug: "premium", startsAt: at("2026-12-01T00:00:00Z"), endsAt: null, revokedAt: null }));
    const focused = buildAccessClaims(member, everywhere, tiers, [], at("2026-12-02T00:00:00Z"), pubs.at(-1)!);
    expect(focused.pubs.length).toBe(MAX_CLAIM_PUBLICATIONS);
    expect(focused.more).toBe(true);
    expect(focused.pubs[0][0]).toBe(pubs.at(-1));
    expect(tierFromClaims(focused, pubs.at(-1)!, at("2026-12-02T00:00:00Z"))).toBe("premium");
    // A publication cut off is not "free": the claims cannot answer, so the session is re-minted.
    const cut = pubs.find((p) => !focused.pubs.some(([id]) => id === p))!;
    expect(claimsCover(focused, cut)).toBe(false);
    expect(judgeSession(focused, { epoch: 3, knownSince }, cut, at("2026-12-02T00:00:00Z"))).toEqual({ kind: "stale" });
  });

  it("rejects tampered or malformed claims", () => {
    expect(parseAccessClaims(claims)).toEqual(claims);
    expect(parseAccessClaims({ ...claims, role: "superuser" })).toBeNull();
    expect(parseAccessClaims({ ...claims, pubs: [[A, [], null]] })).toBeNull();
    expect(parseAccessClaims({ ...claims, mid: "7" })).toBeNull();
    expect(parseAccessClaims(null)).toBeNull();
  });
});
