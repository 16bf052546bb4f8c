import { z } from "zod";
import { FREE_SLUG, publicationsWithGrants, resolvePublicationTimeline, tierAt, type NetworkGrant, type NetworkTier, type StaffGrant } from "@/lib/access";

// What the session token carries about access: per publication where the member has grants (own
// or through bundles) or a studio role, a short timeline of (tier, from, until) steps so the proxy
// can answer "which tier here, right now?" without I/O; the member's access epoch; and when the
// claims were derived (`at`). A publication the claims do not list is one where the member is a
// plain signed-in reader ("free", forever) — unless `more` says the list was cut short.
export const TIMELINE_STEPS = 4;
// Cookie budget: a session cookie must stay one cookie (the edge binds to its exact value), so at
// most this many publications are carried. A member with access in more degrades gracefully: the
// claims list the publication being visited first and say `more`; visiting a publication not
// listed re-mints the claims with that one first (one database read per switch, not per request).
export const MAX_CLAIM_PUBLICATIONS = 8;

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
const publicationClaims = z.tuple([z.number().int().positive(), z.array(segment).min(1).max(TIMELINE_STEPS), z.enum(["editor", "admin"]).nullable()]);
export const accessClaimsSchema = z.object({
  mid: z.number().int().positive(),
  // The network role (lib/access/roles.ts); per-publication studio roles ride with `pubs`.
  role: z.enum(["reader", "editor", "admin"]),
  epoch: z.number().int().nonnegative(),
  // The install-wide access generation the claims were derived at (bundles, tier ranks).
  gen: z.number().int().nonnegative().default(0),
  // Tokens minted before `at` existed parse as derived at the epoch: stale, so re-derived once.
  at: z.number().int().nonnegative().default(0),
  pubs: z.array(publicationClaims).max(MAX_CLAIM_PUBLICATIONS).default([]),
  more: z.boolean().default(false),
  // The publication whose host the member signed in on. Sessions are host-only (design §10): a
  // session presented on another publication's host (a copied cookie, a forged Host header) is a
  // signed-out reader there, unless SESSION_COOKIE_DOMAIN shares one session across publications.
  sp: z.number().int().positive().nullable().default(null),
});
export type AccessClaims = z.infer<typeof accessClaimsSchema>;

export type ClaimsMember = { id: number; role: "reader" | "editor" | "admin"; accessEpoch: number };

export function buildAccessClaims(
  member: ClaimsMember,
  grants: readonly NetworkGrant[],
  tiers: readonly NetworkTier[],
  staff: readonly StaffGrant[],
  now: Date,
  focusPublicationId: number | null = null,
  generation = 0,
): AccessClaims {
  const ids = [...new Set([...publicationsWithGrants(grants, tiers), ...staff.map((s) => s.publicationId)])];
  // The publication being visited first, then the others by id (stable between re-mints).
  ids.sort((a, b) => (a === focusPublicationId ? -1 : b === focusPublicationId ? 1 : a - b));
  const pubs: AccessClaims["pubs"] = [];
  for (const publicationId of ids.slice(0, MAX_CLAIM_PUBLICATIONS)) {
    const timeline = resolvePublicationTimeline({ grants, tiers, publicationId, now, signedIn: true, steps: TIMELINE_STEPS });
    const role = staff.find((s) => s.publicationId === publicationId)?.role ?? null;
    // The first step holds from the beginning of time: another clock a few ms behind the one that
    // minted the token must not find the token "not yet valid".
    pubs.push([publicationId, timeline.map((s, i) => [s.tier, i === 0 ? 0 : s.from.getTime(), s.until ? s.until.getTime() : null]), role]);
  }
  return {
    mid: member.id,
    role: member.role,
    epoch: member.accessEpoch,
    gen: generation,
    at: now.getTime(),
    pubs,
    more: ids.length > MAX_CLAIM_PUBLICATIONS,
    sp: null,
  };
}

export function parseAccessClaims(token: unknown): AccessClaims | null {
  const parsed = accessClaimsSchema.safeParse(token);
  return parsed.success ? parsed.data : null;
}

const entryFor = (claims: AccessClaims, publicationId: number) => claims.pubs.find(([id]) => id === publicationId) ?? null;

/** Whether the claims can answer for `publicationId` at all (false: re-mint focused on it). */
export function claimsCover(claims: AccessClaims, publicationId: number): boolean {
  return entryFor(claims, publicationId) !== null || !claims.more;
}

// The tier in a publication for this instant, or null when the claims do not cover it (a
// publication cut off by `more`, or a timeline that ran out): re-mint needed.
export function tierFromClaims(claims: AccessClaims, publicationId: number, now: Date): string | null {
  const entry = entryFor(claims, publicationId);
  if (!entry) return claims.more ? null : FREE_SLUG;
  return tierAt(
    entry[1].map(([tier, from, until]) => ({ tier, from, until })),
    now,
  );
}

/** The member's own studio role in a publication carried by the claims (network role aside). */
export function staffRoleFromClaims(claims: AccessClaims, publicationId: number): "editor" | "admin" | null {
  return entryFor(claims, publicationId)?.[2] ?? null;
}

/** Per-publication studio roles carried by the claims. */
export function staffFromClaims(claims: AccessClaims): StaffGrant[] {
  return claims.pubs.filter(([, , role]) => role !== null).map(([publicationId, , role]) => ({ publicationId, role: role! }));
}

// The instant the current tier in a publication ends (the next step of its timeline), or null.
export function claimsUntil(claims: AccessClaims, publicationId: number, now: Date): number | null {
  const entry = entryFor(claims, publicationId);
  if (!entry) return null;
  const t = now.getTime();
  for (const [, from, until] of entry[1]) if (from <= t && (until === null || t < until)) return until;
  return null;
}

/**
 * What an instance can vouch for: it knows every epoch change made since `knownSince` (ms), or
 * nothing yet (null: its listener has not caught up, e.g. the database was down at start).
 */
export type EpochKnowledge = { epoch: number; knownSince: number | null; generation?: number };

export type SessionVerdict = { kind: "fresh"; tier: string } | { kind: "stale" };

// A token is stale, and re-minted before the request is served, when the member's access changed
// since it was minted (a newer epoch is known), when it cannot answer for this publication (its
// timeline ran out, or the publication was cut off by `more`), or when it was derived before what
// this instance can vouch for (older than CLAIMS_MAX_AGE_MS, or older than the epoch changes this
// instance knows). Renewing a session keeps `at`, so renewal never extends stale claims.
export function judgeSession(claims: AccessClaims, known: EpochKnowledge, publicationId: number, now: Date): SessionVerdict {
  if (known.epoch > claims.epoch || (known.generation ?? 0) > claims.gen) return { kind: "stale" };
  if (known.knownSince === null || claims.at < known.knownSince) return { kind: "stale" };
  if (claims.at < now.getTime() - CLAIMS_MAX_AGE_MS) return { kind: "stale" };
  const tier = tierFromClaims(claims, publicationId, now);
  return tier === null ? { kind: "stale" } : { kind: "fresh", tier };
}

/**
 * Whether the session may be used on `publicationId`'s host at all (see `sp`). Sessions from before
 * publications existed were all issued on the primary's host.
 */
export function sessionValidOn(sp: number | null, publicationId: number, primaryId: number, sharedAcrossHosts: boolean): boolean {
  return sharedAcrossHosts || (sp ?? primaryId) === publicationId;
}

// Claims just derived from the database are vouched for by their own derivation.
export const freshlyDerived = (claims: AccessClaims): EpochKnowledge => ({ epoch: claims.epoch, knownSince: claims.at, generation: claims.gen });
