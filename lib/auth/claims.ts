import { z } from "zod";
import { resolveAccessTimeline, tierAt, type GrantLike, type TierRef } from "@/lib/access";

// What the session token carries about access: a short timeline of (tier, from, until) steps so
// the proxy can answer "which tier, right now?" without I/O, and the epoch it was computed at.
export const TIMELINE_STEPS = 4;

const segment = z.tuple([z.string().min(1).max(64), z.number().int(), z.number().int().nullable()]);
export const accessClaimsSchema = z.object({
  mid: z.number().int().positive(),
  role: z.enum(["reader", "editor", "admin"]),
  epoch: z.number().int().nonnegative(),
  tl: z.array(segment).min(1).max(TIMELINE_STEPS),
});
export type AccessClaims = z.infer<typeof accessClaimsSchema>;

export function buildAccessClaims(
  member: { id: number; role: "reader" | "editor" | "admin"; accessEpoch: number },
  grants: GrantLike[],
  tiers: TierRef[],
  now: Date,
): AccessClaims {
  const timeline = resolveAccessTimeline({ grants, tiers, now, signedIn: true, steps: TIMELINE_STEPS });
  return {
    mid: member.id,
    role: member.role,
    epoch: member.accessEpoch,
    // The first step holds from the beginning of time: another clock a few ms behind the one
    // that minted the token must not find the token "not yet valid".
    tl: timeline.map((s, i) => [s.tier, i === 0 ? 0 : s.from.getTime(), s.until ? s.until.getTime() : null]),
  };
}

export function parseAccessClaims(token: unknown): AccessClaims | null {
  const parsed = accessClaimsSchema.safeParse(token);
  return parsed.success ? parsed.data : null;
}

// The tier for this instant, or null when the timeline no longer covers it (re-mint needed).
export function tierFromClaims(claims: AccessClaims, now: Date): string | null {
  return tierAt(
    claims.tl.map(([tier, from, until]) => ({ tier, from, until })),
    now,
  );
}

export type SessionVerdict = { kind: "fresh"; tier: string } | { kind: "stale" };

// A token is stale when the member's access changed since it was minted (a newer epoch is known)
// or when its timeline has run out; either way it is re-minted before the request is served.
export function judgeSession(claims: AccessClaims, knownEpoch: number, now: Date): SessionVerdict {
  if (knownEpoch > claims.epoch) return { kind: "stale" };
  const tier = tierFromClaims(claims, now);
  return tier === null ? { kind: "stale" } : { kind: "fresh", tier };
}
