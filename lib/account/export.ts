import type { Db } from "@/db/client";
import { loadMemberExport } from "@/db/queries/account";
import { listMemberSubscriptions } from "@/db/queries/billing";
import { listMemberPortOneSubscriptions } from "@/db/queries/portone";

// "Download my data": the member's own records as JSON. Picked field by field (not whole rows) so
// internal columns (billing keys, leases, access epochs, other members' ids) never leave.
export async function buildMemberExport(db: Db, memberId: number, now: Date) {
  const [data, stripeSubs, portoneSubs] = await Promise.all([
    loadMemberExport(db, memberId),
    listMemberSubscriptions(db, memberId),
    listMemberPortOneSubscriptions(db, memberId),
  ]);
  if (!data) return null;
  const { member } = data;
  return {
    exportedAt: now.toISOString(),
    profile: {
      id: member.id,
      email: member.email,
      name: member.name,
      displayName: member.displayName,
      emailVerifiedAt: member.emailVerifiedAt,
      createdAt: member.createdAt,
    },
    subscriptions: [
      ...stripeSubs
        .filter((s) => s.provider === "stripe")
        .map((s) => ({
          provider: s.provider,
          id: s.id,
          status: s.status,
          tier: s.tierSlug,
          interval: s.interval,
          currentPeriodEnd: s.currentPeriodEnd,
          cancelAtPeriodEnd: s.cancelAtPeriodEnd,
          canceledAt: s.canceledAt,
          endedAt: s.endedAt,
        })),
      ...portoneSubs.map((s) => ({
        provider: "portone" as const,
        id: s.id,
        status: s.status,
        tier: s.tierSlug,
        interval: s.interval,
        amount: s.amount,
        currency: s.currency,
        currentPeriodEnd: s.periodEnd,
        cancelAtPeriodEnd: s.cancelAtPeriodEnd,
        canceledAt: s.canceledAt,
        endedAt: s.endedAt,
      })),
    ],
    grants: data.grants.map(({ grant: g, publication }) => ({
      publication,
      tier: g.tierSlug,
      source: g.source,
      startsAt: g.startsAt,
      endsAt: g.endsAt,
      revokedAt: g.revokedAt,
      note: g.note,
    })),
    comments: data.comments,
    emailPreferences: data.preferences,
  };
}

export type MemberExport = NonNullable<Awaited<ReturnType<typeof buildMemberExport>>>;
