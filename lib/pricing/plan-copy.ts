// Pure copy rules for the plan cards (/pricing). No I18n here: callers pass the labels.

/** What a yearly plan saves against twelve monthly payments; null when it saves nothing. */
export function resolveYearlySaving(monthly: number | null, yearly: number | null): { amount: number; percent: number } | null {
  if (monthly === null || yearly === null || monthly <= 0 || yearly <= 0) return null;
  const amount = monthly * 12 - yearly;
  if (amount <= 0) return null;
  // Rounded down: "save 16%" must never promise more than the prices give.
  const percent = Math.floor((amount / (monthly * 12)) * 100);
  return { amount, percent };
}

const normalise = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();

/**
 * The bullets of a plan card: the tier's own benefits once each (tiers edited by hand or seeded
 * before this rule may repeat the comment line), then the comment right when the tier has it.
 * A missing right is not a benefit, so it gets no bullet.
 */
export function resolvePlanBenefits(benefits: readonly string[], canComment: boolean, commentLabel: string): string[] {
  const comment = normalise(commentLabel);
  // The comment line follows the right itself, never a hand-written list.
  const seen = new Set<string>([comment]);
  const out: string[] = [];
  for (const raw of benefits) {
    const b = raw.trim();
    const key = normalise(b);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(b);
  }
  if (canComment) out.push(commentLabel);
  return out;
}
