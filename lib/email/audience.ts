import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listAllTiers } from "@/db/queries/publications";
import { emailSuppressions, grants, members, publicationMembers } from "@/db/schema";
import { resolvePublicationAccess, type NetworkGrant } from "@/lib/access";
import { toGrantLike, toNetworkTiers } from "@/lib/auth/member-access";

// Who a publication's newsletter would reach now, by tier (the studio's newsletter page).
export type Audience = { accounts: number; subscribed: number; suppressed: number; byTier: { slug: string; name: string; count: number }[] };

export async function newsletterAudience(db: Db, publicationId: number, now: Date): Promise<Audience> {
  const rows = await db
    .select({
      memberId: publicationMembers.memberId,
      newsletter: publicationMembers.newsletter,
      suppressed: sql<boolean>`${emailSuppressions.email} is not null`,
    })
    .from(publicationMembers)
    .innerJoin(members, eq(members.id, publicationMembers.memberId))
    .leftJoin(emailSuppressions, eq(emailSuppressions.email, sql`lower(${members.email})`))
    .where(eq(publicationMembers.publicationId, publicationId));
  const reachable = rows.filter((r) => r.newsletter && !r.suppressed).map((r) => r.memberId);
  const { tiers, includes } = await listAllTiers(db);
  const network = toNetworkTiers(tiers, includes);
  const grantsOf = new Map<number, NetworkGrant[]>();
  for (let i = 0; i < reachable.length; i += 5_000) {
    const chunk = reachable.slice(i, i + 5_000);
    for (const g of await db.select().from(grants).where(inArray(grants.memberId, chunk)))
      grantsOf.set(g.memberId, [...(grantsOf.get(g.memberId) ?? []), toGrantLike(g)]);
  }
  const counts = new Map<string, number>();
  for (const id of reachable) {
    const slug = resolvePublicationAccess({ grants: grantsOf.get(id) ?? [], tiers: network, publicationId, now, signedIn: true }).tier.slug;
    counts.set(slug, (counts.get(slug) ?? 0) + 1);
  }
  const own = tiers.filter((t) => t.publicationId === publicationId).sort((a, b) => a.rank - b.rank);
  return {
    accounts: rows.length,
    subscribed: rows.filter((r) => r.newsletter).length,
    suppressed: rows.filter((r) => r.newsletter && r.suppressed).length,
    byTier: own.map((t) => ({ slug: t.slug, name: t.name, count: counts.get(t.slug) ?? 0 })),
  };
}
