import { z } from "zod";
import { resolveAccessTimeline, tierAt, type GrantLike, type TierRef } from "@/lib/access";

// What the session token carries about access: a short timeline of (tier, from, until) steps so
// the proxy can answer "which tier, right now?" without I/O, the epoch it was computed at, and
// when it was derived (`at`).
export const TIMELINE_STEPS = 4;

// Claims are trusted for at most this long after they were derived, then re-derived from the
// database on the next request. An instance only knows the epoch changes of a bounded past (the
// access listener loads EPOCH_LOOKBACK_MS of them at start): without an age limit, a token kept
// alive by session renewals would outlive what any instance can vouch for, and a revocation older
// than that window would be forgotten after a restart (red-team finding, issue 15 §1).
export const CLAIMS_MAX_AGE_MS = 24 * 3600_000;
// Strictly longer than the claims' lifetime, so every claim an instance accepts was derived after
// the oldest change it knows of.
export const EPOCH_LOOKBACK_MS = CLAIMS_MAX_AGE_MS + 3600_000;

const segment = z.tuple([z.string().min(1).max(64), z.number().int(), z.number().int().nullable()]);
export const accessClaimsSchema = z.object({
  mid: z.number().int().positive(),
  role: z.enum(["reader", "editor", "admin"]),
  epoch: z.number().int().nonnegative(),
  // Tokens minted before `at` existed parse as derived at the epoch: stale, so re-derived once.
  at: z.number().int().nonnegative().default(0),
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
    at: now.getTime(),
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

// The instant the current tier of the claims ends (the next step of the timeline), or null.
export function claimsUntil(claims: AccessClaims, now: Date): number | null {
  const t = now.getTime();
  for (const [, from, until] of claims.tl) if (from <= t && (until === null || t < until)) return until;
  return null;
}

/**
 * What an instance can vouch for: it knows every epoch change made since `knownSince` (ms), or
 * nothing yet (null: its listener has not caught up, e.g. the database was down at start).
 */
export type EpochKnowledge = { epoch: number; knownSince: number | null };

export type SessionVerdict = { kind: "fresh"; tier: string } | { kind: "stale" };

// A token is stale, and re-minted before the request is served, when the member's access changed
// since it was minted (a newer epoch is known), when its timeline has run out, or when it was
// derived before what this instance can vouch for (older than CLAIMS_MAX_AGE_MS, or older than the
// epoch changes this instance knows). Renewing a session keeps `at`, so renewal never extends
// stale claims.
export function judgeSession(claims: AccessClaims, known: EpochKnowledge, now: Date): SessionVerdict {
  if (known.epoch > claims.epoch) return { kind: "stale" };
  if (known.knownSince === null || claims.at < known.knownSince) return { kind: "stale" };
  if (claims.at < now.getTime() - CLAIMS_MAX_AGE_MS) return { kind: "stale" };
  const tier = tierFromClaims(claims, now);
  return tier === null ? { kind: "stale" } : { kind: "fresh", tier };
}

// Claims just derived from the database are vouched for by their own derivation.
export const freshlyDerived = (claims: AccessClaims): EpochKnowledge => ({ epoch: claims.epoch, knownSince: claims.at });
