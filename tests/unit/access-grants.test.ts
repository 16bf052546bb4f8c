import { describe, expect, it } from "vitest";
import { ANON_TIER, isGrantActive, resolveAccessTimeline, resolveEffectiveAccess, resolveGrantStatus, tierAt, type GrantLike } from "@/lib/access";
import { TIERS, dec, grant, plusMs } from "./access-fixtures";

const premiumDec1To10 = grant("premium", dec(1), dec(10));
const premiumDec1To10RevokedDec4 = grant("premium", dec(1), dec(10), dec(4));
const supporterDec1To30 = grant("supporter", dec(1), dec(30));
// Premium until the 3rd on top of supporter until the 30th: three cases read it at different times.
const premiumOverSupporter = [grant("premium", dec(1), dec(3)), supporterDec1To30];

type Row = { name: string; grants: GrantLike[]; now: Date; tier: string; until: Date | null };

const rows: Row[] = [
  { name: "no grants → free forever", grants: [], now: dec(5), tier: "free", until: null },
  { name: "at startsAt exactly → active", grants: [premiumDec1To10], now: dec(1), tier: "premium", until: dec(10) },
  { name: "1 ms before startsAt → not yet; until = startsAt", grants: [premiumDec1To10], now: plusMs(dec(1), -1), tier: "free", until: dec(1) },
  { name: "future grant → free until it starts", grants: [premiumDec1To10], now: dec(0), tier: "free", until: dec(1) },
  { name: "at endsAt − 1 ms → still active", grants: [premiumDec1To10], now: plusMs(dec(10), -1), tier: "premium", until: dec(10) },
  { name: "at endsAt → expired", grants: [premiumDec1To10], now: dec(10), tier: "free", until: null },
  { name: "revokedAt ≤ now → inactive", grants: [premiumDec1To10RevokedDec4], now: dec(4), tier: "free", until: null },
  { name: "revokedAt before startsAt → never active", grants: [grant("premium", dec(5), dec(10), dec(2))], now: dec(1), tier: "free", until: null },
  { name: "revokedAt in the future → active until revokedAt", grants: [premiumDec1To10RevokedDec4], now: dec(2), tier: "premium", until: dec(4) },
  { name: "revokedAt after endsAt → endsAt wins", grants: [grant("premium", dec(1), dec(10), dec(20))], now: dec(2), tier: "premium", until: dec(10) },
  { name: "lifetime comp → until null", grants: [grant("patron", dec(1), null)], now: dec(2), tier: "patron", until: null },
  { name: "lifetime comp revoked later → until revokedAt", grants: [grant("patron", dec(1), null, dec(9))], now: dec(2), tier: "patron", until: dec(9) },
  { name: "unknown tier slug ignored", grants: [grant("platinum", dec(1), null)], now: dec(2), tier: "free", until: null },
  { name: "unknown slug does not shorten until", grants: [supporterDec1To30, grant("ghost", dec(2), dec(3))], now: dec(1), tier: "supporter", until: dec(30) },
  { name: "overlap: premium until 3rd over supporter until 30th", grants: premiumOverSupporter, now: dec(2), tier: "premium", until: dec(3) },
  { name: "overlap: at the 3rd → supporter until the 30th", grants: premiumOverSupporter, now: dec(3), tier: "supporter", until: dec(30) },
  { name: "overlap: at the 30th → free", grants: premiumOverSupporter, now: dec(30), tier: "free", until: null },
  {
    name: "a higher grant starting later cuts until short",
    grants: [supporterDec1To30, grant("patron", dec(12), dec(14))],
    now: dec(2),
    tier: "supporter",
    until: dec(12),
  },
  {
    name: "a lower grant ending inside a higher one does not change the answer",
    grants: [grant("patron", dec(1), dec(20)), grant("supporter", dec(1), dec(5))],
    now: dec(2),
    tier: "patron",
    until: dec(20),
  },
  {
    name: "back-to-back renewals of the same tier chain into one until",
    grants: [grant("premium", dec(1), dec(8)), grant("premium", dec(8), dec(15)), grant("premium", dec(15), dec(22))],
    now: dec(2),
    tier: "premium",
    until: dec(22),
  },
  {
    name: "a 1 ms gap between renewals is a real change",
    grants: [grant("premium", dec(1), dec(8)), grant("premium", plusMs(dec(8), 1), dec(15))],
    now: dec(2),
    tier: "premium",
    until: dec(8),
  },
  { name: "invalid startsAt fails closed", grants: [grant("premium", new Date(NaN), null)], now: dec(2), tier: "free", until: null },
];

describe("resolveEffectiveAccess", () => {
  it.each(rows)("$name", ({ grants, now, tier, until }) => {
    const access = resolveEffectiveAccess({ grants, tiers: TIERS, now, signedIn: true });
    expect(access.tier.slug).toBe(tier);
    expect(access.until).toEqual(until);
  });

  it("signed-out readers are anon whatever grants exist", () => {
    const access = resolveEffectiveAccess({ grants: [grant("patron", dec(1), null)], tiers: TIERS, now: dec(2), signedIn: false });
    expect(access).toEqual({ tier: ANON_TIER, until: null, grant: null });
  });

  it("returns the chosen grant, preferring the longest among equal ranks", () => {
    const short = { ...grant("premium", dec(1), dec(5)), id: 1 };
    const long = { ...grant("premium", dec(1), dec(9)), id: 2 };
    const access = resolveEffectiveAccess({ grants: [short, long], tiers: TIERS, now: dec(2), signedIn: true });
    expect(access.grant?.id).toBe(2);
    expect(resolveEffectiveAccess({ grants: [], tiers: TIERS, now: dec(2), signedIn: true }).grant).toBeNull();
  });

  it("synthesizes free when the tier list lacks it", () => {
    const paidOnly = TIERS.filter((t) => t.slug !== "free");
    const access = resolveEffectiveAccess({ grants: [], tiers: paidOnly, now: dec(2), signedIn: true });
    expect(access.tier).toMatchObject({ slug: "free", rank: 0, canComment: false });
  });

  it("uses the stored free tier (its name and comment right) when present", () => {
    const tiers = TIERS.map((t) => (t.slug === "free" ? { ...t, canComment: true } : t));
    expect(resolveEffectiveAccess({ grants: [], tiers, now: dec(2), signedIn: true }).tier).toBe(tiers[0]);
  });
});

describe("isGrantActive", () => {
  const g = grant("premium", dec(1), dec(10), dec(6));
  it.each([
    [plusMs(dec(1), -1), false],
    [dec(1), true],
    [plusMs(dec(6), -1), true],
    [dec(6), false],
  ])("at %s → %s", (at, expected) => expect(isGrantActive(g, at)).toBe(expected));
});

describe("resolveAccessTimeline + tierAt", () => {
  const grants = [grant("premium", dec(1), dec(3)), grant("supporter", dec(1), dec(30)), grant("patron", dec(40), dec(41))];

  it("lists the next constant segments from now", () => {
    const timeline = resolveAccessTimeline({ grants, tiers: TIERS, now: dec(2), signedIn: true });
    expect(timeline).toEqual([
      { tier: "premium", from: dec(2), until: dec(3) },
      { tier: "supporter", from: dec(3), until: dec(30) },
      { tier: "free", from: dec(30), until: dec(40) },
      { tier: "patron", from: dec(40), until: dec(41) },
    ]);
  });

  it("stops at `steps` segments, leaving the rest to a re-mint", () => {
    const timeline = resolveAccessTimeline({ grants, tiers: TIERS, now: dec(2), signedIn: true, steps: 2 });
    expect(timeline).toHaveLength(2);
    expect(tierAt(timeline, plusMs(dec(30), -1))).toBe("supporter");
    expect(tierAt(timeline, dec(30))).toBeNull();
  });

  it("ends with an open segment when access never changes again", () => {
    const timeline = resolveAccessTimeline({ grants, tiers: TIERS, now: dec(2), signedIn: true, steps: 10 });
    expect(timeline.at(-1)).toEqual({ tier: "free", from: dec(41), until: null });
    expect(tierAt(timeline, new Date(Date.UTC(2099, 0, 1)))).toBe("free");
  });

  it("is a single anon segment for signed-out readers", () => {
    expect(resolveAccessTimeline({ grants, tiers: TIERS, now: dec(2), signedIn: false })).toEqual([{ tier: "anon", from: dec(2), until: null }]);
  });

  it.each([
    ["before the first segment", plusMs(dec(2), -1), null],
    ["at now", dec(2), "premium"],
    ["at the 3rd − 1 ms", plusMs(dec(3), -1), "premium"],
    ["at the 3rd", dec(3), "supporter"],
    ["at the 30th", dec(30), "free"],
    ["at the 41st (past the last known until)", dec(41), null],
  ])("tierAt %s", (_label, at, expected) => {
    const timeline = resolveAccessTimeline({ grants, tiers: TIERS, now: dec(2), signedIn: true });
    expect(tierAt(timeline, at)).toBe(expected);
  });

  it("reads a timeline that went through JSON (ISO strings) or epoch milliseconds", () => {
    const timeline = resolveAccessTimeline({ grants, tiers: TIERS, now: dec(2), signedIn: true });
    const fromJson = JSON.parse(JSON.stringify(timeline)) as { tier: string; from: string; until: string | null }[];
    expect(tierAt(fromJson, dec(3).getTime())).toBe("supporter");
    const asMs = timeline.map((s) => ({ tier: s.tier, from: s.from.getTime(), until: s.until?.getTime() ?? null }));
    expect(tierAt(asMs, plusMs(dec(3), -1))).toBe("premium");
    expect(tierAt(asMs, new Date(NaN))).toBeNull();
  });
});

describe("resolveGrantStatus", () => {
  const base = { tierSlug: "premium", startsAt: new Date("2026-01-01T00:00:00Z"), endsAt: new Date("2026-02-01T00:00:00Z"), revokedAt: null };
  it.each([
    ["scheduled before its start", new Date("2025-12-31T23:59:59.999Z"), base, "scheduled"],
    ["active at its start", new Date("2026-01-01T00:00:00Z"), base, "active"],
    ["active at endsAt − 1 ms", new Date("2026-01-31T23:59:59.999Z"), base, "active"],
    ["ended at endsAt", new Date("2026-02-01T00:00:00Z"), base, "ended"],
    ["revoked once revokedAt passed", new Date("2026-01-10T00:00:00Z"), { ...base, revokedAt: new Date("2026-01-05T00:00:00Z") }, "revoked"],
    ["active before a future revocation", new Date("2026-01-04T00:00:00Z"), { ...base, revokedAt: new Date("2026-01-05T00:00:00Z") }, "active"],
  ] as const)("%s", (_name, now, grant, expected) => {
    expect(resolveGrantStatus(grant, now)).toBe(expected);
  });
});
