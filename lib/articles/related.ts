import { effectiveStatus, type EffectiveStatus } from "@/lib/studio/piece-status";
import { relatedTags } from "./cache-tags";

// Where a piece stands for the related lists of other pieces (pure): whether it is live, and the
// groups (section, tags) and date that decide which lists show it.
export type RelatedMembership = { live: boolean; sectionId: number | null; tagIds: readonly number[]; publishAt: number | null };

const same = (a: RelatedMembership, b: RelatedMembership) =>
  a.live === b.live &&
  a.sectionId === b.sectionId &&
  a.publishAt === b.publishAt &&
  a.tagIds.length === b.tagIds.length &&
  [...a.tagIds].sort((x, y) => x - y).every((id, i) => id === [...b.tagIds].sort((x, y) => x - y)[i]);

/**
 * The related-list tags a save must expire: none when the piece's membership is unchanged (an edit
 * of its text reaches the pages showing it through its own card tag); otherwise the groups it
 * left and the groups it joined, so lists that showed it drop it and lists that may now show it
 * recompute. `null` = the piece does not exist (before a create, after a delete).
 */
export function relatedTagsToExpire(before: RelatedMembership | null, after: RelatedMembership | null): string[] {
  if (before && after && same(before, after)) return [];
  const tags = new Set<string>();
  for (const m of [before, after]) if (m?.live) for (const t of relatedTags(m)) tags.add(t);
  return [...tags];
}

export function membershipOf(
  piece: { status: EffectiveStatus; publishAt: Date | null; sectionId: number | null },
  tagIds: readonly number[],
  now: Date,
): RelatedMembership {
  const live = effectiveStatus(piece, now) === "published";
  return { live, sectionId: piece.sectionId, tagIds, publishAt: piece.publishAt?.getTime() ?? null };
}
