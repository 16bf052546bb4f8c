import "server-only";
import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { enqueueNotice, oncePerMemberKey } from "@/db/queries/email";
import { listAllTiers } from "@/db/queries/publications";
import { emailDeliveries, grants, members, publicationMembers, stripeSubscriptions } from "@/db/schema";
import { accessEndingSoon, ENDING_NOTICE_LEAD_MS, type NetworkGrant } from "@/lib/access";
import { toGrantLike, toNetworkTiers } from "@/lib/auth/member-access";

// "Your access ends on …" (design §11): computed at read time from the grants, queued once per
// (publication, member, end instant). A grant that renews by itself — a Stripe subscription that
// is active and not set to cancel — is read as having no end, so renewals never trigger it.
// Imported accounts are skipped until the publisher has sent them the "account moved" notice.

const RENEWING = new Set(["active", "trialing", "past_due"]);

export async function queueEndingNotices(db: Db, now: Date): Promise<number> {
  const horizon = new Date(now.getTime() + ENDING_NOTICE_LEAD_MS);
  const ending = await db
    .select({ memberId: grants.memberId, publicationId: grants.publicationId })
    .from(grants)
    .where(and(isNull(grants.revokedAt), gt(grants.endsAt, now), lte(grants.endsAt, horizon)));
  if (ending.length === 0) return 0;
  const memberIds = [...new Set(ending.map((e) => e.memberId))];
  const [all, tierData, people] = await Promise.all([
    db.select().from(grants).where(inArray(grants.memberId, memberIds)),
    listAllTiers(db),
    db.select({ id: members.id, email: members.email }).from(members).where(inArray(members.id, memberIds)),
  ]);
  const subscriptionIds = [...new Set(all.filter((g) => g.source === "stripe" && g.sourceRef).map((g) => g.sourceRef!))];
  const subs = subscriptionIds.length ? await db.select().from(stripeSubscriptions).where(inArray(stripeSubscriptions.id, subscriptionIds)) : [];
  const renewing = new Set(subs.filter((s) => s.status !== null && RENEWING.has(s.status) && !s.cancelAtPeriodEnd).map((s) => s.id));
  const tiers = toNetworkTiers(tierData.tiers, tierData.includes);
  // Imported members hear nothing until the publisher sends the "account moved" notice (issue 22).
  const imported = await db
    .select({ memberId: publicationMembers.memberId, publicationId: publicationMembers.publicationId })
    .from(publicationMembers)
    .where(and(inArray(publicationMembers.memberId, memberIds), eq(publicationMembers.source, "import")));
  const told = imported.length
    ? new Set(
        (
          await db
            .select({ key: emailDeliveries.dedupeKey })
            .from(emailDeliveries)
            .where(
              inArray(
                emailDeliveries.dedupeKey,
                imported.map((i) => oncePerMemberKey("account_moved", i.publicationId, i.memberId)),
              ),
            )
        ).map((r) => r.key),
      )
    : new Set<string>();
  const silent = new Set(
    imported.filter((i) => !told.has(oncePerMemberKey("account_moved", i.publicationId, i.memberId))).map((i) => `${i.memberId}:${i.publicationId}`),
  );
  let queued = 0;
  for (const { memberId, publicationId } of new Map(ending.map((e) => [`${e.memberId}:${e.publicationId}`, e])).values()) {
    if (silent.has(`${memberId}:${publicationId}`)) continue;
    const mine: NetworkGrant[] = all
      .filter((g) => g.memberId === memberId)
      .map((g) => ({ ...toGrantLike(g), endsAt: g.source === "stripe" && g.sourceRef && renewing.has(g.sourceRef) ? null : g.endsAt }));
    const soon = accessEndingSoon({ grants: mine, tiers, publicationId, now });
    const email = people.find((p) => p.id === memberId)?.email;
    if (!soon || !email) continue;
    const tier = tierData.tiers.find((t) => t.publicationId === publicationId && t.slug === soon.tier.slug);
    const added = await enqueueNotice(db, {
      publicationId,
      memberId,
      email,
      kind: "grant_ending",
      dedupeKey: `grant_ending:${publicationId}:${memberId}:${soon.endsAt.toISOString()}`,
      payload: { tierName: { ko: tier?.name ?? soon.tier.slug, en: tier?.nameEn ?? tier?.name ?? soon.tier.slug }, endsAt: soon.endsAt.toISOString() },
    });
    if (added) queued++;
  }
  return queued;
}
