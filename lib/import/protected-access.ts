import { FREE_SLUG, paidTiers, PUBLIC_ACCESS, type TierRef } from "@/lib/access";
import { ImportOptionError } from "./wxr-types";

// The access level password-protected WordPress posts are imported at. Members-only by default:
// WordPress hid their text from everyone without the password, and a members-only piece still
// hides it from anonymous readers, crawlers, share previews and feeds.
export const DEFAULT_PROTECTED_ACCESS = FREE_SLUG;

export function protectedAccessChoices(tiers: readonly TierRef[]): string[] {
  return [PUBLIC_ACCESS, FREE_SLUG, ...paidTiers(tiers).map((t) => t.slug)];
}

// An unknown tier would gate the pieces at a rank nobody has (or, mistyped, not as meant):
// refuse it before anything is written.
export function resolveProtectedAccess(value: string | undefined, tiers: readonly TierRef[]): string {
  const wanted = value ?? DEFAULT_PROTECTED_ACCESS;
  const choices = protectedAccessChoices(tiers);
  if (choices.includes(wanted)) return wanted;
  throw new ImportOptionError("protectedAccess", wanted, choices);
}
