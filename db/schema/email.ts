import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, instant, ownedBy } from "./columns";
import { articles, type Locale } from "./content";
import { members } from "./members";
import { publications } from "./publications";

// Email (design §11): who has an account at which publication and what they want by mail, the
// addresses nobody may mail, the newsletter sends, and one durable queue for every message.

// A member's account at a publication: made at the first sign-in on its host, a grant or
// subscription there, or an import. The newsletter goes to these rows unless unsubscribed.
export const publicationMembers = pgTable(
  "publication_members",
  {
    publicationId: ownedBy("publication_id", () => publications.id),
    memberId: ownedBy("member_id", () => members.id),
    joinedAt: instant("joined_at").notNull().defaultNow(),
    // How the account began: signin, grant, subscription, import, migration, seed.
    source: text("source").notNull(),
    newsletter: boolean("newsletter").notNull().default(true),
    newsletterChangedAt: instant("newsletter_changed_at"),
    // Opt-in: a mail when someone replies to one of the member's comments.
    notifyReplies: boolean("notify_replies").notNull().default(false),
    // The language of the member's mail from this publication; its own locale when unset.
    lang: text("lang").$type<Locale>(),
    // The welcome notice is sent once per publication.
    welcomedAt: instant("welcomed_at"),
  },
  (t) => [primaryKey({ columns: [t.publicationId, t.memberId] }), index("publication_members_member_idx").on(t.memberId)],
);

export const suppressionReasons = ["bounce", "complaint", "admin", "smtp"] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];

// Addresses no bulk mail or notice goes to (lower-case): hard bounces, complaints, an admin's call.
export const emailSuppressions = pgTable("email_suppressions", {
  email: text("email").primaryKey(),
  reason: text("reason").$type<SuppressionReason>().notNull(),
  detail: text("detail"),
  createdAt: createdAt(),
});

export const newsletterSendStatuses = ["waiting", "queued", "done"] as const;
export type NewsletterSendStatus = (typeof newsletterSendStatuses)[number];

// A piece sent as a newsletter: at most one per piece. `waiting` until the piece is live (a
// scheduled piece goes at its publish instant), `queued` once every recipient has a delivery row.
export const newsletterSends = pgTable(
  "newsletter_sends",
  {
    id: serial("id").primaryKey(),
    publicationId: ownedBy("publication_id", () => publications.id),
    articleId: ownedBy("article_id", () => articles.id),
    status: text("status").$type<NewsletterSendStatus>().notNull().default("waiting"),
    requestedBy: text("requested_by").notNull(),
    recipients: integer("recipients").notNull().default(0),
    createdAt: createdAt(),
    queuedAt: instant("queued_at"),
    finishedAt: instant("finished_at"),
  },
  (t) => [uniqueIndex("newsletter_sends_article_idx").on(t.articleId), index("newsletter_sends_status_idx").on(t.status, t.publicationId)],
);

export const emailKinds = [
  "newsletter",
  "welcome",
  "receipt",
  "cancellation",
  "grant_ending",
  "comment_reply",
  "account_moved",
  "price_change",
  "invitation",
] as const;
export type EmailKind = (typeof emailKinds)[number];
export const deliveryStatuses = ["queued", "sending", "sent", "failed", "suppressed"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

// The send queue: one row per message. `dedupe_key` makes each (piece, recipient) and each notice
// at most one row; a worker claims rows with FOR UPDATE SKIP LOCKED and marks a row sent before it
// lets the SMTP server accept the message (lib/email/smtp.ts), so a crash never sends one twice.
export const emailDeliveries = pgTable(
  "email_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    publicationId: ownedBy("publication_id", () => publications.id),
    memberId: integer("member_id").references(() => members.id, { onDelete: "set null" }),
    email: text("email").notNull(),
    // The recipient's domain, for per-domain pacing.
    domain: text("domain").notNull(),
    kind: text("kind").$type<EmailKind>().notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    sendId: integer("send_id").references(() => newsletterSends.id, { onDelete: "cascade" }),
    // What a notice says (amounts, dates, names), fixed when it was queued.
    payload: jsonb("payload")
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    status: text("status").$type<DeliveryStatus>().notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at").notNull().defaultNow(),
    // The worker holding a `sending` row, and until when; an expired claim is taken over.
    claim: text("claim"),
    lockedUntil: instant("locked_until"),
    lastError: text("last_error"),
    // Which copy a newsletter recipient got: `full` or `teaser`.
    variant: text("variant"),
    sentAt: instant("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("email_deliveries_dedupe_idx").on(t.dedupeKey),
    index("email_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("email_deliveries_send_idx").on(t.sendId, t.status),
  ],
);

export type PublicationMember = typeof publicationMembers.$inferSelect;
export type EmailDelivery = typeof emailDeliveries.$inferSelect;
export type NewsletterSend = typeof newsletterSends.$inferSelect;
