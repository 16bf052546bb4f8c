// Bundles (design §10): a tier of one publication may include tiers of others ("premium of A
// includes premium of B"). Access in a publication is still the pure rule of grants.ts, over the
// grants that count there: the publication's own, and each grant of a tier that includes one of
// its tiers, counted as a grant of the included tier with the same instants. Inclusion is direct
// only (A → B and B → C does not give C from A): what an editor sets is what a reader gets.
import { resolveEffectiveAccess, type EffectiveAccess, type GrantLike } from "./grants";
import { resolveAccessTimeline, type AccessSegment } from "./timeline";
import type { TierRef } from "./tiers";

export type TierKey = { publicationId: number; slug: string };
export type NetworkTier = TierRef & { publicationId: number; includes: readonly TierKey[] };
export type NetworkGrant = GrantLike & { publicationId: number };

const key = (k: TierKey) => `${k.publicationId}:${k.slug}`;

/** The tiers of one publication, as the single-publication rules take them. */
export function tiersOf(tiers: readonly NetworkTier[], publicationId: number): NetworkTier[] {
  return tiers.filter((t) => t.publicationId === publicationId);
}

/** The grants that count in `publicationId`, each naming a tier of that publication. */
export function grantsCountingIn(grants: readonly NetworkGrant[], tiers: readonly NetworkTier[], publicationId: number): GrantLike[] {
  const byKey = new Map(tiers.map((t) => [key(t), t]));
  const out: GrantLike[] = [];
  for (const g of grants) {
    if (g.publicationId === publicationId) {
      out.push(g);
      continue;
    }
    const tier = byKey.get(key({ publicationId: g.publicationId, slug: g.tierSlug }));
    for (const inc of tier?.includes ?? []) {
      if (inc.publicationId === publicationId) out.push({ ...g, tierSlug: inc.slug });
    }
  }
  return out;
}

/** The publications where a member's grants (own or through bundles) may give access. */
export function publicationsWithGrants(grants: readonly NetworkGrant[], tiers: readonly NetworkTier[]): number[] {
  const byKey = new Map(tiers.map((t) => [key(t), t]));
  const ids = new Set<number>();
  for (const g of grants) {
    ids.add(g.publicationId);
    for (const inc of byKey.get(key({ publicationId: g.publicationId, slug: g.tierSlug }))?.includes ?? []) ids.add(inc.publicationId);
  }
  return [...ids];
}

export type PublicationAccessInput = { grants: readonly NetworkGrant[]; tiers: readonly NetworkTier[]; publicationId: number; now: Date; signedIn: boolean };

// The network's grants and tiers narrowed to one publication, as the one-publication rules take them.
function narrowTo(input: PublicationAccessInput) {
  const { publicationId } = input;
  return {
    grants: grantsCountingIn(input.grants, input.tiers, publicationId),
    tiers: tiersOf(input.tiers, publicationId),
    now: input.now,
    signedIn: input.signedIn,
  };
}

export function resolvePublicationAccess(input: PublicationAccessInput): EffectiveAccess {
  return resolveEffectiveAccess(narrowTo(input));
}

export function resolvePublicationTimeline(input: PublicationAccessInput & { steps?: number }): AccessSegment[] {
  return resolveAccessTimeline({ ...narrowTo(input), steps: input.steps });
}
