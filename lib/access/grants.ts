// Grants → effective access. The single place that compares grant instants (design §3, §5).
import { ANON_TIER, resolveFreeTier, tierBySlug, type TierRef } from "./tiers";

export type GrantLike = {
  id?: number | string;
  tierSlug: string;
  startsAt: Date;
  endsAt: Date | null;
  revokedAt: Date | null;
  source?: string;
};

/** `until`: the earliest instant after `now` at which `tier` changes; null = never. */
export type EffectiveAccess = { tier: TierRef; until: Date | null; grant: GrantLike | null };

export type AccessInput = { grants: readonly GrantLike[]; tiers: readonly TierRef[]; now: Date; signedIn: boolean };

// Comparisons are written so an invalid Date (NaN) makes a grant inactive: fail closed.
export function isGrantActive(grant: GrantLike, at: Date): boolean {
  const t = at.getTime();
  if (!(grant.startsAt.getTime() <= t)) return false;
  if (grant.endsAt !== null && !(t < grant.endsAt.getTime())) return false;
  if (grant.revokedAt !== null && !(t < grant.revokedAt.getTime())) return false;
  return true;
}

type Candidate = { grant: GrantLike; tier: TierRef };

function candidatesOf(grants: readonly GrantLike[], tiers: readonly TierRef[]): Candidate[] {
  const out: Candidate[] = [];
  for (const grant of grants) {
    const tier = tierBySlug(tiers, grant.tierSlug);
    // Unknown slugs are ignored; a grant can never push a signed-in member below free.
    if (tier && tier.rank >= 0) out.push({ grant, tier });
  }
  return out;
}

const endMs = (g: GrantLike) => (g.endsAt === null ? Infinity : g.endsAt.getTime());

// Highest rank wins; among equals prefer the grant that lasts longest, so `grant` names the one
// that actually carries the member furthest. Depends only on the active set, so it is stable.
function pickAt(cands: readonly Candidate[], at: Date, free: TierRef): { tier: TierRef; grant: GrantLike | null } {
  let best: Candidate | null = null;
  for (const c of cands) {
    if (!isGrantActive(c.grant, at)) continue;
    if (!best || c.tier.rank > best.tier.rank || (c.tier.rank === best.tier.rank && endMs(c.grant) > endMs(best.grant))) {
      best = c;
    }
  }
  if (!best || best.tier.rank < free.rank) return { tier: free, grant: null };
  return best;
}

// The active set only changes at a grant's startsAt, endsAt or revokedAt, so the tier is constant
// between consecutive boundaries and checking each future boundary in order finds the true `until`.
function futureBoundaries(cands: readonly Candidate[], now: Date): number[] {
  const n = now.getTime();
  const set = new Set<number>();
  for (const { grant } of cands) {
    for (const d of [grant.startsAt, grant.endsAt, grant.revokedAt]) {
      const ms = d?.getTime();
      if (ms !== undefined && Number.isFinite(ms) && ms > n) set.add(ms);
    }
  }
  return [...set].sort((a, b) => a - b);
}

export function resolveEffectiveAccess({ grants, tiers, now, signedIn }: AccessInput): EffectiveAccess {
  if (!signedIn) return { tier: ANON_TIER, until: null, grant: null };
  const free = resolveFreeTier(tiers);
  const cands = candidatesOf(grants, tiers);
  const current = pickAt(cands, now, free);
  for (const ms of futureBoundaries(cands, now)) {
    if (pickAt(cands, new Date(ms), free).tier.slug !== current.tier.slug) {
      return { ...current, until: new Date(ms) };
    }
  }
  return { ...current, until: null };
}

export type GrantStatus = "active" | "scheduled" | "ended" | "revoked";

// How a grant stands at `now`, for account pages and the studio.
export function resolveGrantStatus(grant: GrantLike, now: Date): GrantStatus {
  if (grant.revokedAt !== null && !(now.getTime() < grant.revokedAt.getTime())) return "revoked";
  if (isGrantActive(grant, now)) return "active";
  return grant.startsAt.getTime() > now.getTime() ? "scheduled" : "ended";
}
