import { and, count, desc, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { bumpAccessEpoch, normalizeEmail } from "./members";
import {
  articles,
  comments,
  emailChanges,
  emailDeliveries,
  grants,
  members,
  publicationMembers,
  publications,
  publicationStaff,
  verificationTokens,
  type EmailChange,
  type Member,
} from "../schema";

// Member self-service on /account: display name, change of email, export, deletion. Loads and
// stores only; the rules (who may, when a link is still good) are the callers'.
type Tx = Pick<Db, "select" | "insert" | "update" | "delete" | "execute">;

export async function setDisplayName(db: Tx, memberId: number, displayName: string | null): Promise<Member | null> {
  const [row] = await db
    .update(members)
    .set({ displayName, updatedAt: new Date() })
    .where(and(eq(members.id, memberId), isNull(members.deletedAt)))
    .returning();
  return row ?? null;
}

export async function isEmailTaken(db: Tx, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: members.id })
    .from(members)
    .where(eq(members.email, normalizeEmail(email)))
    .limit(1);
  return Boolean(row);
}

export async function insertEmailChange(db: Tx, row: { memberId: number; newEmail: string; tokenHash: string; expiresAt: Date }): Promise<EmailChange> {
  const [created] = await db
    .insert(emailChanges)
    .values({ ...row, newEmail: normalizeEmail(row.newEmail) })
    .returning();
  return created;
}

export async function getEmailChangeByHash(db: Tx, tokenHash: string): Promise<EmailChange | null> {
  const [row] = await db.select().from(emailChanges).where(eq(emailChanges.tokenHash, tokenHash)).limit(1);
  return row ?? null;
}

/**
 * Marks the link used, only if it is unused and unexpired at `now`: the conditional update makes
 * the link single-use even when two confirmations race. Null when it was not claimable.
 */
export async function claimEmailChange(db: Tx, tokenHash: string, now: Date): Promise<EmailChange | null> {
  const [row] = await db
    .update(emailChanges)
    .set({ usedAt: now })
    .where(and(eq(emailChanges.tokenHash, tokenHash), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now)))
    .returning();
  return row ?? null;
}

export async function setMemberEmail(db: Tx, memberId: number, email: string, now: Date): Promise<Member | null> {
  const [row] = await db
    .update(members)
    .set({ email: normalizeEmail(email), emailVerifiedAt: now, updatedAt: now })
    .where(and(eq(members.id, memberId), isNull(members.deletedAt)))
    .returning();
  return row ?? null;
}

/** Everything a member may download about themselves (GDPR art. 15/20, PIPA art. 35). */
export async function loadMemberExport(db: Tx, memberId: number) {
  const [member] = await db.select().from(members).where(eq(members.id, memberId)).limit(1);
  if (!member) return null;
  const [memberGrants, memberComments, preferences] = await Promise.all([
    db
      .select({ grant: grants, publication: publications.slug })
      .from(grants)
      .innerJoin(publications, eq(publications.id, grants.publicationId))
      .where(eq(grants.memberId, memberId))
      .orderBy(desc(grants.startsAt)),
    db
      .select({
        id: comments.id,
        article: articles.slug,
        publication: publications.slug,
        parentId: comments.parentId,
        body: comments.body,
        createdAt: comments.createdAt,
        editedAt: comments.editedAt,
        deletedAt: comments.deletedAt,
        hiddenAt: comments.hiddenAt,
      })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .innerJoin(publications, eq(publications.id, articles.publicationId))
      .where(eq(comments.memberId, memberId))
      .orderBy(desc(comments.createdAt)),
    db
      .select({
        publication: publications.slug,
        newsletter: publicationMembers.newsletter,
        notifyReplies: publicationMembers.notifyReplies,
        lang: publicationMembers.lang,
        joinedAt: publicationMembers.joinedAt,
      })
      .from(publicationMembers)
      .innerJoin(publications, eq(publications.id, publicationMembers.publicationId))
      .where(eq(publicationMembers.memberId, memberId)),
  ]);
  return { member, grants: memberGrants, comments: memberComments, preferences };
}

/** The pieces the member commented on, so their discussions can be refreshed after anonymising. */
export async function listCommentedPieces(db: Tx, memberId: number): Promise<{ publicationId: number; slug: string }[]> {
  return db
    .select({ publicationId: articles.publicationId, slug: articles.slug })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(eq(comments.memberId, memberId))
    .groupBy(articles.publicationId, articles.slug);
}

// Deletions that could remove a last admin take this transaction-scoped lock before reading who
// else administers, so two admins leaving at once cannot both count the other as cover.
const ADMIN_SEATS_LOCK = 7_310_021;

/**
 * Who else administers what the member administers (lib/access orphanedByLeaving). Inside a
 * transaction an admin's read is serialized with other admins' deletions (the lock is held until
 * commit); outside one it is a plain read, as the early check before any cancellation needs.
 */
export async function loadAdminCover(
  db: Tx,
  memberId: number,
  networkAdmin: boolean,
): Promise<{ otherNetworkAdmins: number; staffAdminOf: { publicationId: number; otherAdmins: number }[] }> {
  const seats = await db
    .select({ publicationId: publicationStaff.publicationId })
    .from(publicationStaff)
    .where(and(eq(publicationStaff.memberId, memberId), eq(publicationStaff.role, "admin")));
  if (!networkAdmin && seats.length === 0) return { otherNetworkAdmins: 0, staffAdminOf: [] };
  await db.execute(sql`select pg_advisory_xact_lock(${ADMIN_SEATS_LOCK})`);
  const [network] = await db
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.role, "admin"), isNull(members.deletedAt), ne(members.id, memberId)));
  const others = seats.length
    ? await db
        .select({ publicationId: publicationStaff.publicationId, n: count() })
        .from(publicationStaff)
        .innerJoin(members, eq(members.id, publicationStaff.memberId))
        .where(
          and(
            inArray(
              publicationStaff.publicationId,
              seats.map((s) => s.publicationId),
            ),
            eq(publicationStaff.role, "admin"),
            ne(publicationStaff.memberId, memberId),
            isNull(members.deletedAt),
          ),
        )
        .groupBy(publicationStaff.publicationId)
    : [];
  const othersOf = new Map(others.map((o) => [o.publicationId, Number(o.n)]));
  return {
    otherNetworkAdmins: Number(network?.n ?? 0),
    staffAdminOf: seats.map((s) => ({ publicationId: s.publicationId, otherAdmins: othersOf.get(s.publicationId) ?? 0 })),
  };
}

/**
 * Ends what a deleted account still holds and scrubs its personal data, in the caller's
 * transaction. Comments stay (replies keep their place) and show the anonymous label; audit rows
 * stay untouched; the placeholder address is under `.invalid` (RFC 2606), so no mail can reach it
 * and no one can sign in with it.
 */
export async function scrubDeletedMember(db: Tx, memberId: number, now: Date): Promise<{ oldEmail: string; endedGrants: number; epoch: number } | null> {
  const [before] = await db
    .select()
    .from(members)
    .where(and(eq(members.id, memberId), isNull(members.deletedAt)))
    .for("update");
  if (!before) return null;
  const ended = await db
    .update(grants)
    .set({ revokedAt: now, revokedReason: "account_deleted", updatedAt: now })
    .where(and(eq(grants.memberId, memberId), isNull(grants.revokedAt), or(isNull(grants.endsAt), gt(grants.endsAt, now))))
    .returning({ id: grants.id });
  await db.delete(emailChanges).where(eq(emailChanges.memberId, memberId));
  await db.delete(verificationTokens).where(eq(verificationTokens.identifier, before.email));
  await db
    .update(publicationMembers)
    .set({ newsletter: false, notifyReplies: false, newsletterChangedAt: now })
    .where(eq(publicationMembers.memberId, memberId));
  await db.delete(emailDeliveries).where(and(eq(emailDeliveries.memberId, memberId), inArray(emailDeliveries.status, ["queued", "failed"])));
  // A deleted account holds no role: the studio's staff lists and its "last admin" checks must not
  // count someone who can no longer sign in.
  await db.delete(publicationStaff).where(eq(publicationStaff.memberId, memberId));
  await db
    .update(members)
    .set({
      role: "reader",
      email: deletedMemberEmail(memberId),
      name: null,
      displayName: null,
      emailVerifiedAt: null,
      deletedAt: now,
      updatedAt: now,
    })
    .where(eq(members.id, memberId));
  // Sessions end: every token now carries an older epoch and is re-derived, and a deleted member
  // derives to nobody (lib/auth/member-access.ts).
  const epoch = await bumpAccessEpoch(db, memberId);
  return { oldEmail: before.email, endedGrants: ended.length, epoch };
}

export const deletedMemberEmail = (memberId: number) => `deleted-${memberId}@deleted.invalid`;
