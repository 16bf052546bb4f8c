import { resolveEffectiveAccess, type GrantLike, type TierRef } from "@/lib/access";
import type { Candidate } from "./screen";
import type { ImportIssue } from "./types";

// What an entry does to the database, decided from the member as they are now — pure, so the dry
// run (reading) and the real run (reading again inside each batch's transaction) take the same
// decisions. The rules:
// - a member is one row per address: created when missing; an existing one keeps their name and
//   Stripe customer (only empty fields are filled);
// - the grant is found again by its sourceRef: the same facts are unchanged; a file that says more
//   (a later end, a higher tier) updates it; a file that says less never lowers it;
// - access the member already has in this publication (a Stripe subscription, a comp) that covers
//   the whole imported period makes the grant redundant: none is made;
// - a membership that ended before the import is kept as an ended grant: history, not access.

export type ExistingGrant = GrantLike & { id: number; sourceRef: string | null; source: string };
export type ExistingMember = {
  id: number;
  name: string | null;
  stripeCustomerId: string | null;
  hasAccount: boolean;
  // Made by this batch's own insert (the real run): counts as created, like the dry run's null.
  isNew: boolean;
  grants: ExistingGrant[];
};

export type GrantValues = { tierSlug: string; startsAt: Date; endsAt: Date | null };

export type GrantDecision =
  | { kind: "create"; values: GrantValues; history: boolean }
  | { kind: "update"; id: number; values: GrantValues; before: GrantValues }
  | { kind: "unchanged"; id: number }
  | { kind: "covered"; by: ExistingGrant | null }
  | { kind: "kept"; id: number };

export type Decision = {
  candidate: Candidate;
  member: "create" | "update" | "unchanged" | null;
  fill: { name?: string; stripeCustomerId?: string };
  // A new account at the publication, with this newsletter consent (null: it exists already).
  account: { newsletter: boolean } | null;
  grant: GrantDecision | null;
  issues: ImportIssue[];
  // Sessions of an existing member must re-mint: their access now or later changed.
  bumpEpoch: boolean;
};

export type PlanContext = {
  now: Date;
  tiers: readonly TierRef[];
  newsletterDefault: boolean;
  // Grants from this source for this member (same prefix) are other rows of the file: they never
  // count as "access the member already has", so rows do not depend on each other's order.
  refPrefix: (email: string) => string;
  // Which member holds a Stripe customer id now, if any.
  stripeOwner: (customerId: string) => number | null;
};

const endMs = (d: Date | null) => (d === null ? Infinity : d.getTime());
const sameInstant = (a: Date | null, b: Date | null) => endMs(a) === endMs(b);

/** Whether `grants` give at least `rank` at every instant of [from, end) (end null: forever). */
export function isCovered(grants: readonly GrantLike[], tiers: readonly TierRef[], rank: number, from: Date, end: Date | null): boolean {
  const start = from.getTime();
  if (end !== null && end.getTime() <= start) return true;
  // Access is constant between grant boundaries: checking `from` and each boundary inside is exact.
  const points = new Set<number>([start]);
  for (const g of grants) {
    for (const d of [g.startsAt, g.endsAt, g.revokedAt]) {
      const t = d?.getTime();
      if (t !== undefined && t > start && t < endMs(end)) points.add(t);
    }
  }
  for (const t of points) {
    if (resolveEffectiveAccess({ grants, tiers, now: new Date(t), signedIn: true }).tier.rank < rank) return false;
  }
  return true;
}

function rankOf(tiers: readonly TierRef[], slug: string): number {
  return tiers.find((t) => t.slug === slug)?.rank ?? -1;
}

function planGrant(c: Candidate, existing: ExistingMember | null, ctx: PlanContext, issues: ImportIssue[]): GrantDecision | null {
  if (c.target.kind !== "tier" || !c.sourceRef) return null;
  const { entry } = c;
  const tierSlug = c.target.slug;
  const rank = c.target.rank;
  const same = existing?.grants.find((g) => g.source === "import" && g.sourceRef === c.sourceRef) ?? null;
  if (same) {
    if (same.revokedAt) {
      issues.push({
        line: entry.line,
        kind: "kept_revoked",
        message: `${entry.email}: grant #${same.id} from an earlier import was revoked in Masthead: not restored`,
      });
      return { kind: "kept", id: same.id };
    }
    const startsAt = entry.startsAt && entry.startsAt < same.startsAt ? entry.startsAt : same.startsAt;
    if (same.tierSlug === tierSlug && sameInstant(same.endsAt, c.endsAt) && startsAt.getTime() === same.startsAt.getTime())
      return { kind: "unchanged", id: same.id };
    if (rank < rankOf(ctx.tiers, same.tierSlug) || endMs(c.endsAt) < endMs(same.endsAt)) {
      issues.push({
        line: entry.line,
        kind: "kept_higher",
        message: `${entry.email}: the file gives less than grant #${same.id} (${same.tierSlug} until ${same.endsAt?.toISOString().slice(0, 10) ?? "lifetime"}): kept as it is`,
      });
      return { kind: "kept", id: same.id };
    }
    return {
      kind: "update",
      id: same.id,
      values: { tierSlug, startsAt, endsAt: c.endsAt },
      before: { tierSlug: same.tierSlug, startsAt: same.startsAt, endsAt: same.endsAt },
    };
  }
  // No start in the file: from the member's first sign of life there, else from now. An ended
  // membership without one starts where it ends (history only, never active).
  let startsAt = entry.startsAt ?? entry.createdAt ?? (c.endsAt && c.endsAt <= ctx.now ? c.endsAt : ctx.now);
  if (c.endsAt && startsAt > c.endsAt) startsAt = c.endsAt;
  const values = { tierSlug, startsAt, endsAt: c.endsAt };
  const history = c.endsAt !== null && c.endsAt <= ctx.now;
  if (history) return { kind: "create", values, history };
  const prefix = ctx.refPrefix(entry.email);
  const others = (existing?.grants ?? []).filter((g) => !(g.source === "import" && g.sourceRef?.startsWith(prefix)));
  const from = startsAt > ctx.now ? startsAt : ctx.now;
  if (others.length && isCovered(others, ctx.tiers, rank, from, c.endsAt)) {
    const by = others.filter((g) => !g.revokedAt && rankOf(ctx.tiers, g.tierSlug) >= rank).sort((a, b) => endMs(b.endsAt) - endMs(a.endsAt))[0] ?? null;
    return { kind: "covered", by };
  }
  return { kind: "create", values, history };
}

export function planCandidate(c: Candidate, existing: ExistingMember | null, ctx: PlanContext): Decision {
  const issues: ImportIssue[] = [];
  const { entry } = c;
  const isNew = !existing || existing.isNew;
  const fill: Decision["fill"] = {};
  let member: Decision["member"] = null;
  let account: Decision["account"] = null;
  if (c.first) {
    if (entry.name && !existing?.name) fill.name = entry.name;
    const stripe = c.stripeCustomerId;
    if (stripe && existing?.stripeCustomerId !== stripe) {
      const owner = ctx.stripeOwner(stripe);
      if (existing?.stripeCustomerId) {
        issues.push({
          line: entry.line,
          kind: "stripe_conflict",
          message: `${entry.email} already has Stripe customer ${existing.stripeCustomerId}: ${stripe} not attached`,
        });
      } else if (owner !== null && owner !== existing?.id) {
        issues.push({
          line: entry.line,
          kind: "stripe_conflict",
          message: `Stripe customer ${stripe} belongs to member #${owner}: not attached to ${entry.email}`,
        });
      } else {
        fill.stripeCustomerId = stripe;
      }
    }
    member = isNew ? "create" : Object.keys(fill).length ? "update" : "unchanged";
    if (!existing?.hasAccount) account = { newsletter: entry.newsletter ?? ctx.newsletterDefault };
  }
  const grant = planGrant(c, isNew ? null : existing, ctx, issues);
  const changesAccess = (g: GrantDecision | null) =>
    (g?.kind === "create" && !g.history) || (g?.kind === "update" && endMs(g.values.endsAt) > ctx.now.getTime());
  return { candidate: c, member, fill, account, grant, issues, bumpEpoch: !isNew && changesAccess(grant) };
}
