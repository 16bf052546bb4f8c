import type { GrantFields } from "./grant-plan";

// What the reconcile command compares: the access a grant gives from `now` on. Past differences
// (e.g. the instant an already-ended grant was revoked) change nothing for the member, so they are
// not disagreements. Pure.

export type AccessAhead = { memberId: number | null; publicationId: number; tierSlug: string; startsAt: Date; endsAt: Date | null } | null;

export function accessAhead(grant: (GrantFields & { memberId: number | null }) | null, now: Date): AccessAhead {
  if (!grant) return null;
  const ends = [grant.endsAt, grant.revokedAt].filter((d): d is Date => d !== null);
  const end = ends.length ? new Date(Math.min(...ends.map((d) => d.getTime()))) : null;
  if (end !== null && end.getTime() <= now.getTime()) return null;
  // A start already passed is the same access whatever the exact instant.
  const startsAt = grant.startsAt.getTime() <= now.getTime() ? now : grant.startsAt;
  return { memberId: grant.memberId, publicationId: grant.publicationId, tierSlug: grant.tierSlug, startsAt, endsAt: end };
}

export function sameAccessAhead(a: AccessAhead, b: AccessAhead): boolean {
  if (a === null || b === null) return a === b;
  const t = (d: Date | null) => (d ? d.getTime() : null);
  return (
    a.memberId === b.memberId &&
    a.publicationId === b.publicationId &&
    a.tierSlug === b.tierSlug &&
    t(a.startsAt) === t(b.startsAt) &&
    t(a.endsAt) === t(b.endsAt)
  );
}

export function describeAccess(a: AccessAhead, withMember = false): string {
  if (!a) return "no access";
  const who = withMember && a.memberId !== null ? ` for member #${a.memberId}` : "";
  return `${a.tierSlug} until ${a.endsAt ? a.endsAt.toISOString() : "forever"}${who}`;
}
