// A short run of future access segments, carried in the session token so the proxy can answer
// correctly after `until` (an overlapping lower grant, or one starting later) without a DB read.
import { resolveEffectiveAccess, type AccessInput } from "./grants";

export type AccessSegment = { tier: string; from: Date; until: Date | null };

// Tokens are JSON: a decoded timeline may hold ISO strings or epoch milliseconds instead of Dates.
export type Instant = Date | number | string;
export type AccessSegmentLike = { tier: string; from: Instant; until: Instant | null };

/**
 * The next `steps` constant segments from `now`; the first is the current access. Each segment's
 * tier equals `resolveEffectiveAccess` at any instant inside it, because it is built from it.
 * The last segment's `until` is null when access never changes again.
 */
export function resolveAccessTimeline({ steps = 4, ...input }: AccessInput & { steps?: number }): AccessSegment[] {
  const out: AccessSegment[] = [];
  let from = input.now;
  for (let i = 0; i < Math.max(1, Math.floor(steps)); i++) {
    const access = resolveEffectiveAccess({ ...input, now: from });
    out.push({ tier: access.tier.slug, from, until: access.until });
    if (access.until === null) break;
    from = access.until;
  }
  return out;
}

const ms = (x: Instant) => new Date(x).getTime();

/**
 * The tier slug at instant `at`, or null when `at` lies outside the known segments (before the
 * first `from`, or at/after the last `until`): the caller must re-mint from the database.
 */
export function tierAt(timeline: readonly AccessSegmentLike[], at: Instant): string | null {
  const t = ms(at);
  if (!Number.isFinite(t)) return null;
  for (const seg of timeline) {
    if (!(ms(seg.from) <= t)) continue;
    if (seg.until === null || t < ms(seg.until)) return seg.tier;
  }
  return null;
}
