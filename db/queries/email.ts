import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  articles,
  emailDeliveries,
  emailSuppressions,
  newsletterSends,
  publicationMembers,
  type DeliveryStatus,
  type EmailDelivery,
  type EmailKind,
  type NewsletterSend,
  type SuppressionReason,
} from "../schema";
import { liveAt } from "./articles";

// The email queue (db/schema/email.ts). Claiming uses FOR UPDATE SKIP LOCKED so several instances
// (or workers) never hold the same row; every state change of a claimed row is guarded by its claim.

type Tx = Pick<Db, "select" | "insert" | "update" | "delete" | "execute">;

const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

export type NoticeRow = { publicationId: number; memberId: number | null; email: string; kind: EmailKind; dedupeKey: string; payload: Record<string, unknown> };

// A notice, at most once per dedupe key. True when this call queued it. Due times are on the
// application's clock (as the worker's claims are), not the database's.
export async function enqueueNotice(db: Tx, row: NoticeRow, at = new Date()): Promise<boolean> {
  const email = row.email.toLowerCase();
  const inserted = await db
    .insert(emailDeliveries)
    .values({ ...row, email, domain: domainOf(email), nextAttemptAt: at, createdAt: at })
    .onConflictDoNothing({ target: emailDeliveries.dedupeKey })
    .returning({ id: emailDeliveries.id });
  return inserted.length > 0;
}

/** A notice a member gets once per publication (welcome, invitation, account moved): keyed by its kind, the publication and the member. */
export function enqueueOncePerMember(
  db: Tx,
  notice: { publicationId: number; memberId: number; email: string; kind: EmailKind; payload?: Record<string, unknown> },
  at?: Date,
): Promise<boolean> {
  return enqueueNotice(db, { ...notice, payload: notice.payload ?? {}, dedupeKey: oncePerMemberKey(notice.kind, notice.publicationId, notice.memberId) }, at);
}

export const oncePerMemberKey = (kind: EmailKind, publicationId: number, memberId: number) => `${kind}:${publicationId}:${memberId}`;

// ── Newsletter sends ─────────────────────────────────────────────────────────────────────────

export async function requestNewsletter(db: Tx, publicationId: number, articleId: number, requestedBy: string): Promise<void> {
  await db.insert(newsletterSends).values({ publicationId, articleId, requestedBy }).onConflictDoNothing({ target: newsletterSends.articleId });
}

// Unticking the box takes back a send that has not started; one under way goes on.
export async function withdrawNewsletter(db: Tx, articleId: number): Promise<void> {
  await db.delete(newsletterSends).where(and(eq(newsletterSends.articleId, articleId), eq(newsletterSends.status, "waiting")));
}

export async function getNewsletterSend(db: Tx, articleId: number): Promise<NewsletterSend | null> {
  const [row] = await db.select().from(newsletterSends).where(eq(newsletterSends.articleId, articleId)).limit(1);
  return row ?? null;
}

/**
 * Turns every waiting send whose piece is live at `now` into one delivery row per recipient: the
 * publication's accounts that have not unsubscribed (suppressed addresses are recorded as
 * `suppressed`, not sent). One statement per send, inside the caller's transaction, with the send
 * row locked so two instances never expand it twice (and the dedupe key would refuse it anyway).
 */
export async function expandDueSends(db: Db, now: Date, limit = 5): Promise<NewsletterSend[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ send: newsletterSends })
      .from(newsletterSends)
      .innerJoin(articles, eq(articles.id, newsletterSends.articleId))
      .where(and(eq(newsletterSends.status, "waiting"), liveAt(now)))
      .orderBy(asc(newsletterSends.id))
      .limit(limit)
      .for("update", { of: newsletterSends, skipLocked: true });
    const out: NewsletterSend[] = [];
    for (const { send } of due) {
      await tx.execute(sql`
        insert into email_deliveries (publication_id, member_id, email, domain, kind, dedupe_key, send_id, status, next_attempt_at)
        select pm.publication_id, m.id, m.email, lower(split_part(m.email, '@', 2)), 'newsletter', 'newsletter:' || ${send.id}::text || ':' || m.id::text, ${send.id},
               case when s.email is null then 'queued' else 'suppressed' end, ${now}
        from publication_members pm
        join members m on m.id = pm.member_id
        left join email_suppressions s on s.email = lower(m.email)
        where pm.publication_id = ${send.publicationId} and pm.newsletter
        on conflict (dedupe_key) do nothing`);
      const [{ n }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(emailDeliveries)
        .where(eq(emailDeliveries.sendId, send.id));
      const [updated] = await tx
        .update(newsletterSends)
        .set({ status: "queued", queuedAt: now, recipients: n })
        .where(eq(newsletterSends.id, send.id))
        .returning();
      out.push(updated);
    }
    return out;
  });
}

// Sends whose every row has been settled are done.
export async function finishSends(db: Tx, now: Date): Promise<void> {
  await db.execute(sql`
    update newsletter_sends ns set status = 'done', finished_at = ${now}
    where ns.status = 'queued'
      and not exists (select 1 from email_deliveries d where d.send_id = ns.id and d.status in ('queued', 'sending'))`);
}

export type SendProgress = NewsletterSend & { title: string; slug: string; counts: Record<DeliveryStatus, number> };

export async function listSendProgress(db: Tx, publicationId: number, limit = 20): Promise<SendProgress[]> {
  const sends = await db
    .select({ send: newsletterSends, title: articles.title, slug: articles.slug })
    .from(newsletterSends)
    .innerJoin(articles, eq(articles.id, newsletterSends.articleId))
    .where(eq(newsletterSends.publicationId, publicationId))
    .orderBy(desc(newsletterSends.id))
    .limit(limit);
  if (sends.length === 0) return [];
  const counts = await db
    .select({ sendId: emailDeliveries.sendId, status: emailDeliveries.status, n: sql<number>`count(*)::int` })
    .from(emailDeliveries)
    .where(
      inArray(
        emailDeliveries.sendId,
        sends.map((s) => s.send.id),
      ),
    )
    .groupBy(emailDeliveries.sendId, emailDeliveries.status);
  return sends.map(({ send, title, slug }) => {
    const c: Record<DeliveryStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0, suppressed: 0 };
    for (const row of counts) if (row.sendId === send.id) c[row.status] = row.n;
    return { ...send, title, slug, counts: c };
  });
}

// ── Claiming and settling rows ───────────────────────────────────────────────────────────────

/**
 * Up to `limit` due rows for this worker: queued ones whose time has come, and `sending` ones
 * whose claim expired (their worker died before the message was committed, so the server never
 * got its final dot: lib/email/smtp.ts). Each claim spends an attempt.
 */
export async function claimDeliveries(db: Tx, claim: string, now: Date, leaseMs: number, limit: number): Promise<EmailDelivery[]> {
  const lockedUntil = new Date(now.getTime() + leaseMs);
  const due = db
    .select({ id: emailDeliveries.id })
    .from(emailDeliveries)
    .where(
      sql`(${emailDeliveries.status} = 'queued' and ${emailDeliveries.nextAttemptAt} <= ${now}) or (${emailDeliveries.status} = 'sending' and ${emailDeliveries.lockedUntil} < ${now})`,
    )
    .orderBy(asc(emailDeliveries.nextAttemptAt), asc(emailDeliveries.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(emailDeliveries)
    .set({ status: "sending", claim, lockedUntil, attempts: sql`${emailDeliveries.attempts} + 1` })
    .where(inArray(emailDeliveries.id, due))
    .returning();
  return rows.sort((a, b) => a.id - b.id);
}

const held = (id: number, claim: string) => and(eq(emailDeliveries.id, id), eq(emailDeliveries.claim, claim), eq(emailDeliveries.status, "sending"));

// The commit point: true only for the worker still holding the row. Called before the SMTP server
// is allowed to accept the message.
export async function markSent(db: Tx, id: number, claim: string, at: Date, variant: string | null): Promise<boolean> {
  const rows = await db
    .update(emailDeliveries)
    .set({ status: "sent", sentAt: at, claim: null, lockedUntil: null, lastError: null, variant })
    .where(held(id, claim))
    .returning({ id: emailDeliveries.id });
  return rows.length > 0;
}

export async function markRetry(db: Tx, id: number, claim: string, at: Date, countsAttempt: boolean, error: string): Promise<void> {
  await db
    .update(emailDeliveries)
    .set({
      status: "queued",
      nextAttemptAt: at,
      claim: null,
      lockedUntil: null,
      lastError: error.slice(0, 500),
      ...(countsAttempt ? {} : { attempts: sql`greatest(${emailDeliveries.attempts} - 1, 0)` }),
    })
    .where(held(id, claim));
}

export async function markSettled(db: Tx, id: number, claim: string, status: "failed" | "suppressed", error: string): Promise<void> {
  await db
    .update(emailDeliveries)
    .set({ status, claim: null, lockedUntil: null, lastError: error.slice(0, 500) })
    .where(held(id, claim));
}

// The server refused the message after its final dot although the row was already committed as
// sent: record what happened instead (it was not delivered).
export async function markRefusedAfterData(db: Tx, id: number, status: "queued" | "failed", error: string, retryAt: Date | null): Promise<void> {
  await db
    .update(emailDeliveries)
    .set({ status, sentAt: null, lastError: error.slice(0, 500), ...(retryAt ? { nextAttemptAt: retryAt } : {}) })
    .where(and(eq(emailDeliveries.id, id), eq(emailDeliveries.status, "sent")));
}

// A stopping worker hands its unsent rows back at once rather than after the lease.
export async function releaseClaim(db: Tx, claim: string): Promise<void> {
  await db
    .update(emailDeliveries)
    .set({ status: "queued", claim: null, lockedUntil: null, attempts: sql`greatest(${emailDeliveries.attempts} - 1, 0)` })
    .where(and(eq(emailDeliveries.claim, claim), eq(emailDeliveries.status, "sending")));
}

// ── Suppression ─────────────────────────────────────────────────────────────────────────────

export async function suppressAddress(db: Tx, email: string, reason: SuppressionReason, detail: string | null, at = new Date()): Promise<boolean> {
  const rows = await db
    .insert(emailSuppressions)
    .values({ email: email.trim().toLowerCase(), reason, detail: detail?.slice(0, 500) ?? null, createdAt: at })
    .onConflictDoNothing()
    .returning({ email: emailSuppressions.email });
  return rows.length > 0;
}

export async function unsuppressAddress(db: Tx, email: string): Promise<boolean> {
  const rows = await db.delete(emailSuppressions).where(eq(emailSuppressions.email, email.trim().toLowerCase())).returning({ email: emailSuppressions.email });
  return rows.length > 0;
}

export async function listSuppressions(db: Tx, limit = 100) {
  return db.select().from(emailSuppressions).orderBy(desc(emailSuppressions.createdAt)).limit(limit);
}

export async function suppressedAmong(db: Tx, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db
    .select({ email: emailSuppressions.email })
    .from(emailSuppressions)
    .where(inArray(emailSuppressions.email, [...new Set(emails.map((e) => e.toLowerCase()))]));
  return new Set(rows.map((r) => r.email));
}

// ── Recipients ──────────────────────────────────────────────────────────────────────────────

export async function listNewsletterRecipients(db: Tx, publicationId: number): Promise<{ memberId: number; newsletter: boolean }[]> {
  return db
    .select({ memberId: publicationMembers.memberId, newsletter: publicationMembers.newsletter })
    .from(publicationMembers)
    .where(eq(publicationMembers.publicationId, publicationId));
}

export async function listDeliveriesOf(db: Tx, filter: { memberId?: number; sendId?: number; kind?: EmailKind }, limit = 100): Promise<EmailDelivery[]> {
  const conditions = [
    filter.memberId === undefined ? undefined : eq(emailDeliveries.memberId, filter.memberId),
    filter.sendId === undefined ? undefined : eq(emailDeliveries.sendId, filter.sendId),
    filter.kind === undefined ? undefined : eq(emailDeliveries.kind, filter.kind),
  ];
  return db
    .select()
    .from(emailDeliveries)
    .where(and(...conditions))
    .orderBy(desc(emailDeliveries.id))
    .limit(limit);
}
