import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { publicationHosts, publications, publicationStaff, tierIncludes, tiers, type NewPublication, type Publication, type StaffRole } from "../schema";

type Tx = Pick<Db, "select" | "insert" | "update" | "delete" | "execute">;

export type PublicationRow = Publication & { hosts: string[] };

export async function listPublications(db: Tx): Promise<PublicationRow[]> {
  const [rows, hosts] = await Promise.all([
    db.select().from(publications).orderBy(asc(publications.id)),
    db.select().from(publicationHosts).orderBy(asc(publicationHosts.position), asc(publicationHosts.hostname)),
  ]);
  return rows.map((p) => ({ ...p, hosts: hosts.filter((h) => h.publicationId === p.id).map((h) => h.hostname) }));
}

export async function getPublicationBySlug(db: Tx, slug: string): Promise<PublicationRow | null> {
  const [row] = await db.select().from(publications).where(eq(publications.slug, slug)).limit(1);
  if (!row) return null;
  const hosts = await db.select().from(publicationHosts).where(eq(publicationHosts.publicationId, row.id)).orderBy(asc(publicationHosts.position));
  return { ...row, hosts: hosts.map((h) => h.hostname) };
}

export async function getPublicationById(db: Tx, id: number): Promise<PublicationRow | null> {
  const [row] = await db.select({ slug: publications.slug }).from(publications).where(eq(publications.id, id)).limit(1);
  return row ? getPublicationBySlug(db, row.slug) : null;
}

export async function getPrimaryPublication(db: Tx): Promise<PublicationRow | null> {
  const [row] = await db.select().from(publications).where(eq(publications.isPrimary, true)).limit(1);
  return row ? getPublicationBySlug(db, row.slug) : null;
}

export async function insertPublication(db: Tx, values: NewPublication, hosts: string[]): Promise<Publication> {
  const [row] = await db.insert(publications).values(values).returning();
  if (hosts.length) await db.insert(publicationHosts).values(hosts.map((hostname, position) => ({ hostname, publicationId: row.id, position })));
  return row;
}

export async function findHostOwners(db: Tx, hostnames: string[]): Promise<{ hostname: string; publicationId: number }[]> {
  if (!hostnames.length) return [];
  return db.select().from(publicationHosts).where(inArray(publicationHosts.hostname, hostnames));
}

// Per-publication staff roles of one member.
export async function listStaffRoles(db: Tx, memberId: number): Promise<{ publicationId: number; role: StaffRole }[]> {
  return db
    .select({ publicationId: publicationStaff.publicationId, role: publicationStaff.role })
    .from(publicationStaff)
    .where(eq(publicationStaff.memberId, memberId));
}

export async function listPublicationStaff(db: Tx, publicationId: number) {
  return db.select().from(publicationStaff).where(eq(publicationStaff.publicationId, publicationId));
}

export async function setStaffRole(db: Tx, publicationId: number, memberId: number, role: StaffRole | null): Promise<void> {
  if (role === null) {
    await db.delete(publicationStaff).where(and(eq(publicationStaff.publicationId, publicationId), eq(publicationStaff.memberId, memberId)));
    return;
  }
  await db
    .insert(publicationStaff)
    .values({ publicationId, memberId, role })
    .onConflictDoUpdate({ target: [publicationStaff.publicationId, publicationStaff.memberId], set: { role } });
}

// Every tier of the install with the tiers it includes (bundles), for access resolution.
export async function listAllTiers(db: Tx) {
  const [rows, links] = await Promise.all([db.select().from(tiers).orderBy(asc(tiers.publicationId), asc(tiers.rank)), db.select().from(tierIncludes)]);
  return { tiers: rows, includes: links };
}

export async function setTierIncludes(db: Tx, tierId: number, includedTierIds: number[]): Promise<void> {
  await db.delete(tierIncludes).where(eq(tierIncludes.tierId, tierId));
  if (includedTierIds.length) await db.insert(tierIncludes).values(includedTierIds.map((includedTierId) => ({ tierId, includedTierId })));
}
