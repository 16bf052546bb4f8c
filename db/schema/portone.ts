import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, instant, ownedBy } from "./columns";
import { members } from "./members";
import { publications } from "./publications";

// PortOne (design §12). PortOne has billing keys and payments but no subscription object: Masthead
// keeps the subscription here and charges each period itself (lib/billing/portone/renewal.ts). What
// a subscription grants is written, like Stripe's, to stripe_subscriptions / stripe_invoices /
// stripe_payments (provider "portone"): one ledger, one grant derivation, one set of notices.

export const portoneSubscriptionStatuses = ["incomplete", "active", "past_due", "canceled"] as const;
export type PortOneSubscriptionStatus = (typeof portoneSubscriptionStatuses)[number];
export const portoneIntervals = ["monthly", "yearly"] as const;
export type PortOneInterval = (typeof portoneIntervals)[number];

export const portoneSubscriptions = pgTable(
  "portone_subscriptions",
  {
    id: text("id").primaryKey(),
    memberId: ownedBy("member_id", () => members.id),
    publicationId: ownedBy("publication_id", () => publications.id),
    tierSlug: text("tier_slug").notNull(),
    interval: text("interval").$type<PortOneInterval>().notNull(),
    // What each period costs, in won (KRW has no minor unit), VAT included.
    amount: integer("amount").notNull(),
    currency: text("currency").notNull().default("krw"),
    billingKey: text("billing_key").notNull(),
    status: text("status").$type<PortOneSubscriptionStatus>().notNull().default("incomplete"),
    startedAt: instant("started_at"),
    // The latest paid period (index 1 = the first): access runs to periodEnd.
    periodIndex: integer("period_index").notNull().default(0),
    periodStart: instant("period_start"),
    periodEnd: instant("period_end"),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    canceledAt: instant("canceled_at"),
    endedAt: instant("ended_at"),
    // The renewal job's schedule: when to charge the next period, failed attempts of it, the last
    // error, and the lease a job instance holds while it charges (lib/billing/portone/renewal.ts).
    nextChargeAt: instant("next_charge_at"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    leaseUntil: instant("lease_until"),
    leaseOwner: text("lease_owner"),
    // Bumped on every change: the freshness of the snapshot written to the ledger.
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [index("portone_subscriptions_due_idx").on(t.status, t.nextChargeAt), index("portone_subscriptions_member_idx").on(t.memberId)],
);

export const portonePaymentStatuses = ["READY", "FAILED", "PAID", "PARTIAL_CANCELLED", "CANCELLED"] as const;
export type PortOnePaymentStatus = (typeof portonePaymentStatuses)[number];

// One PortOne payment per (subscription, period): its id is derived from both, so every attempt to
// charge a period — retries, a second instance, a job restarted after a crash — names the same
// payment, and PortOne refuses to take a paid payment twice (ALREADY_PAID).
export const portonePayments = pgTable(
  "portone_payments",
  {
    id: text("id").primaryKey(),
    subscriptionId: text("subscription_id")
      .notNull()
      .references(() => portoneSubscriptions.id, { onDelete: "cascade" }),
    periodIndex: integer("period_index").notNull(),
    periodStart: instant("period_start").notNull(),
    periodEnd: instant("period_end").notNull(),
    // What Masthead asked for; a fact with another amount or currency is refused.
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    status: text("status").$type<PortOnePaymentStatus>().notNull().default("READY"),
    paidAt: instant("paid_at"),
    failedAt: instant("failed_at"),
    failureReason: text("failure_reason"),
    cancelledAmount: integer("cancelled_amount").notNull().default(0),
    cancelledAt: instant("cancelled_at"),
    // The ordering key of the stored PortOne snapshot (lib/billing/portone/payment-facts.ts).
    freshness: text("freshness"),
    snapshot: jsonb("snapshot"),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("portone_payments_period_idx").on(t.subscriptionId, t.periodIndex)],
);

// Each verified webhook attempt (Standard Webhooks: id + timestamp + signature). PortOne signs every
// retry anew, so the same pair seen twice is someone replaying a captured request.
export const portoneWebhookAttempts = pgTable(
  "portone_webhook_attempts",
  {
    webhookId: text("webhook_id").notNull(),
    timestamp: text("timestamp").notNull(),
    receivedAt: instant("received_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.webhookId, t.timestamp] })],
);

// A price rise for a tier's existing subscribers (Korean law: announced at least 30 days ahead).
// Renewals charge the new amount only to subscriptions whose member was told 30 days before.
export const priceChanges = pgTable(
  "price_changes",
  {
    id: serial("id").primaryKey(),
    publicationId: ownedBy("publication_id", () => publications.id),
    tierSlug: text("tier_slug").notNull(),
    interval: text("interval").$type<PortOneInterval>().notNull(),
    oldAmount: integer("old_amount"),
    newAmount: integer("new_amount").notNull(),
    effectiveAt: instant("effective_at").notNull(),
    announcedAt: instant("announced_at")
      .notNull()
      .default(sql`now()`),
    createdBy: text("created_by"),
  },
  (t) => [index("price_changes_tier_idx").on(t.publicationId, t.tierSlug, t.interval)],
);

// The notice each affected subscription is owed before a price change may be charged to it.
export const priceChangeNotices = pgTable(
  "price_change_notices",
  {
    priceChangeId: ownedBy("price_change_id", () => priceChanges.id),
    subscriptionId: text("subscription_id")
      .notNull()
      .references(() => portoneSubscriptions.id, { onDelete: "cascade" }),
    memberId: ownedBy("member_id", () => members.id),
    // When the notice was queued for sending; null while it is owed.
    notifiedAt: instant("notified_at"),
  },
  (t) => [primaryKey({ columns: [t.priceChangeId, t.subscriptionId] })],
);

export type PortOneSubscription = typeof portoneSubscriptions.$inferSelect;
export type PortOnePayment = typeof portonePayments.$inferSelect;
export type PriceChange = typeof priceChanges.$inferSelect;
