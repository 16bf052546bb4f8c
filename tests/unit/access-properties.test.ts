import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveAccessTimeline, resolveEffectiveAccess, tierAt, type GrantLike } from "@/lib/access";
import { TIERS } from "./access-fixtures";

// Instants on a coarse hour grid (so boundaries collide and `now` often lands exactly on one),
// nudged by −1/0/+1 ms to probe both sides of every boundary.
const BASE = Date.UTC(2025, 11, 1);
const HOUR = 3_600_000;
const instant = fc.tuple(fc.integer({ min: 0, max: 48 }), fc.constantFrom(-1, 0, 0, 0, 1)).map(([h, ms]) => new Date(BASE + h * HOUR + ms));

const grantArb: fc.Arbitrary<GrantLike> = fc
  .record({
    tierSlug: fc.constantFrom("free", "supporter", "premium", "patron", "ghost"),
    startsAt: instant,
    length: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    revokedAt: fc.option(instant, { nil: null, freq: 3 }),
  })
  .map(({ tierSlug, startsAt, length, revokedAt }) => ({
    tierSlug,
    startsAt,
    endsAt: length === null ? null : new Date(startsAt.getTime() + length * HOUR),
    revokedAt,
  }));

const grantsArb = fc.array(grantArb, { maxLength: 6 });

// Oracle written independently of the implementation: the literal definition from design §3.
const rankOf = (slug: string) => TIERS.find((t) => t.slug === slug)?.rank;
function bruteTier(grants: GrantLike[], at: Date): string {
  const t = at.getTime();
  let best = { slug: "free", rank: 0 };
  for (const g of grants) {
    const rank = rankOf(g.tierSlug);
    if (rank === undefined) continue;
    const active = g.startsAt.getTime() <= t && (g.endsAt === null || t < g.endsAt.getTime()) && !(g.revokedAt !== null && g.revokedAt.getTime() <= t);
    if (active && rank > best.rank) best = { slug: g.tierSlug, rank };
  }
  return best.slug;
}

const isBoundary = (grants: GrantLike[], at: Date) => grants.some((g) => [g.startsAt, g.endsAt, g.revokedAt].some((d) => d?.getTime() === at.getTime()));

const resolve = (grants: GrantLike[], now: Date) => resolveEffectiveAccess({ grants, tiers: TIERS, now, signedIn: true });

describe("access properties over random grant sets", () => {
  it("effective tier = max-rank active grant (or free)", () => {
    fc.assert(
      fc.property(grantsArb, instant, (grants, now) => {
        expect(resolve(grants, now).tier.slug).toBe(bruteTier(grants, now));
      }),
      { numRuns: 2000 },
    );
  });

  it("the tier is constant on [now, until) and really changes at until", () => {
    fc.assert(
      fc.property(grantsArb, instant, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), (grants, now, fractions) => {
        const { tier, until } = resolve(grants, now);
        const end = until?.getTime() ?? BASE + 1000 * HOUR;
        expect(end).toBeGreaterThan(now.getTime());
        const probes = [now.getTime(), end - 1, ...fractions.map((f) => Math.floor(now.getTime() + f * (end - 1 - now.getTime())))];
        for (const p of probes) expect(bruteTier(grants, new Date(p))).toBe(tier.slug);
        if (until !== null) {
          expect(isBoundary(grants, until)).toBe(true);
          expect(bruteTier(grants, until)).not.toBe(tier.slug);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("timeline segments are contiguous and agree with resolveEffectiveAccess at each from", () => {
    fc.assert(
      fc.property(grantsArb, instant, fc.integer({ min: 1, max: 6 }), instant, (grants, now, steps, probe) => {
        const timeline = resolveAccessTimeline({ grants, tiers: TIERS, now, signedIn: true, steps });
        expect(timeline.length).toBeGreaterThanOrEqual(1);
        expect(timeline.length).toBeLessThanOrEqual(steps);
        expect(timeline[0].from).toEqual(now);
        timeline.forEach((seg, i) => {
          const access = resolve(grants, seg.from);
          expect(seg.tier).toBe(access.tier.slug);
          expect(seg.until).toEqual(access.until);
          if (i > 0) {
            expect(seg.from).toEqual(timeline[i - 1].until);
            expect(seg.tier).not.toBe(timeline[i - 1].tier);
          }
        });
        // tierAt answers exactly the rule inside the known window, and null outside it.
        const last = timeline.at(-1)!.until;
        const known = probe.getTime() >= now.getTime() && (last === null || probe.getTime() < last.getTime());
        expect(tierAt(timeline, probe)).toBe(known ? bruteTier(grants, probe) : null);
      }),
      { numRuns: 1500 },
    );
  });

  it("signed-out is always anon with no expiry", () => {
    fc.assert(
      fc.property(grantsArb, instant, (grants, now) => {
        const access = resolveEffectiveAccess({ grants, tiers: TIERS, now, signedIn: false });
        expect([access.tier.slug, access.until]).toEqual(["anon", null]);
      }),
    );
  });
});
