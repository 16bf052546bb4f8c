// Feed rights. Pure.
import { isPaidTier, type TierRef } from "./tiers";

/** A member's private feed carries full text only from a paid tier up (free members read the public feed). */
export function canHavePrivateFeed(tier: TierRef): boolean {
  return isPaidTier(tier);
}
