import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { publicationMembers, type Locale, type PublicationMember } from "../schema";
import { findOne } from "./find-one";

type Tx = Pick<Db, "select" | "insert" | "update" | "delete" | "execute">;

export type JoinSource = "signin" | "grant" | "subscription" | "import" | "migration" | "seed";

export type JoinInput = {
  publicationId: number;
  memberId: number;
  source: JoinSource;
  // Newsletter consent for a new account (the default: subscribed). An existing account keeps its
  // own choice: joining again never re-subscribes anyone.
  newsletter?: boolean;
  lang?: Locale | null;
  // Accounts that should never get a welcome notice (imports, seeds) are created as welcomed.
  welcomed?: boolean;
  at?: Date;
};

// The member's account at a publication, made if missing. `joined` says whether it is new.
export async function joinPublication(db: Tx, input: JoinInput): Promise<{ joined: boolean }> {
  const at = input.at ?? new Date();
  const rows = await db
    .insert(publicationMembers)
    .values({
      publicationId: input.publicationId,
      memberId: input.memberId,
      source: input.source,
      joinedAt: at,
      newsletter: input.newsletter ?? true,
      newsletterChangedAt: input.newsletter === undefined ? null : at,
      lang: input.lang ?? null,
      welcomedAt: input.welcomed ? at : null,
    })
    .onConflictDoNothing()
    .returning({ memberId: publicationMembers.memberId });
  return { joined: rows.length > 0 };
}

export async function getPublicationMember(db: Tx, publicationId: number, memberId: number): Promise<PublicationMember | null> {
  return findOne(db, publicationMembers, and(eq(publicationMembers.publicationId, publicationId), eq(publicationMembers.memberId, memberId)));
}

export type MailPreferences = { newsletter?: boolean; notifyReplies?: boolean; lang?: Locale };

// Changes what a member gets by mail from a publication (making the account if needed: a member
// who never signed in there may still unsubscribe from a link).
export async function setMailPreferences(db: Tx, publicationId: number, memberId: number, prefs: MailPreferences, at = new Date()): Promise<PublicationMember> {
  await joinPublication(db, { publicationId, memberId, source: "signin", welcomed: true, at });
  const [row] = await db
    .update(publicationMembers)
    .set({
      ...(prefs.newsletter === undefined ? {} : { newsletter: prefs.newsletter, newsletterChangedAt: at }),
      ...(prefs.notifyReplies === undefined ? {} : { notifyReplies: prefs.notifyReplies }),
      ...(prefs.lang === undefined ? {} : { lang: prefs.lang }),
    })
    .where(and(eq(publicationMembers.publicationId, publicationId), eq(publicationMembers.memberId, memberId)))
    .returning();
  return row;
}

// Marks the welcome notice as due exactly once: true for the one caller that flips it.
export async function claimWelcome(db: Tx, publicationId: number, memberId: number, at = new Date()): Promise<boolean> {
  const rows = await db
    .update(publicationMembers)
    .set({ welcomedAt: at })
    .where(and(eq(publicationMembers.publicationId, publicationId), eq(publicationMembers.memberId, memberId), sql`${publicationMembers.welcomedAt} is null`))
    .returning({ memberId: publicationMembers.memberId });
  return rows.length > 0;
}
