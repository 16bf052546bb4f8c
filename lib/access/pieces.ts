// Piece gating: who may read the full text of a piece at `now` (design §3).
import { FREE_SLUG, type TierRef } from "./tiers";

export const PUBLIC_ACCESS = "public" as const;

/** access: "public" | "free" | a tier slug. After `unlockAt` the piece is public. */
export type PieceGate = { access: string; unlockAt: Date | null };

/** The minimum rank that reads the piece; an unknown slug yields Infinity so nobody can (fail closed). */
export function requiredRank(piece: Pick<PieceGate, "access">, tiers: readonly TierRef[]): number {
  if (piece.access === PUBLIC_ACCESS) return -1;
  if (piece.access === FREE_SLUG) return 0;
  return tiers.find((t) => t.slug === piece.access)?.rank ?? Infinity;
}

export function isUnlocked(piece: PieceGate, now: Date): boolean {
  return piece.unlockAt !== null && piece.unlockAt.getTime() <= now.getTime();
}

export function canRead(piece: PieceGate, tier: TierRef, tiers: readonly TierRef[], now: Date): boolean {
  if (piece.access === PUBLIC_ACCESS) return true;
  if (isUnlocked(piece, now)) return true;
  return tier.rank >= requiredRank(piece, tiers);
}

/**
 * The future instant at which `canRead` may flip for some tier (the time-based unlock), so cached
 * per-tier renders can be revalidated at it; null when nothing will change.
 */
export function readableUntilChange(piece: PieceGate, now: Date): Date | null {
  if (piece.access === PUBLIC_ACCESS || piece.unlockAt === null) return null;
  return piece.unlockAt.getTime() > now.getTime() ? piece.unlockAt : null;
}
