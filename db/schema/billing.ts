import { boolean, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./columns";
import { members } from "./members";
import { publications, type PaymentProvider } from "./publications";

export const stripeEventStatuses = ["applied", "ignored", "unapplied"] as const;
export type StripeEventStatus = (typeof stripeEventStatuses)[number];

// Every webhook event we accepted, written in the same transaction as its effects: the primary key
// is what makes a redelivered (or concurrently delivered) event a no-op.
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    // Which provider sent it (PortOne event ids are `portone:<webhook-id>`): one ledger for both.
    provider: text("provider").$type<PaymentProvider>().notNull().default("stripe"),
    type: text("type").notNull(),
    created: instant("created").notNull(),
    livemode: boolean("livemode").notNull(),
    status: text("status").$type<StripeEventStatus>().notNull(),
    // The publication whose price the event concerned, when it named one.
    publicationId: integer("publication_id").references(() => publications.id, { onDelete: "set null" }),
    reason: text("reason"),
    objectId: text("object_id"),
    memberId: integer("member_id").references(() => members.id, { onDelete: "set null" }),
    receivedAt: instant("received_at").notNull().defaultNow(),
  },
  (t) => [index("stripe_events_member_idx").on(t.memberId), index("stripe_events_status_idx").on(t.status, t.receivedAt)],
);

// The freshest snapshot seen of each subscription. A row may exist before any snapshot (status null)
// when a checkout session or an invoice named the subscription first.
export const stripeSubscriptions = pgTable(
  "stripe_subscriptions",
  {
    id: text("id").primaryKey(),
    // Stripe's subscriptions, and PortOne ones (Masthead keeps those itself: lib/billing/portone).
    provider: text("provider").$type<PaymentProvider>().notNull().default("stripe"),
    memberId: integer("member_id").references(() => members.id, { onDelete: "set null" }),
    // How memberId was found (lib/billing/ledger/link-member.ts); a stronger link replaces a weaker one.
    memberLinkRank: integer("member_link_rank").notNull().default(0),
    // An email claim (checkout's customer email) waiting for a snapshot whose price maps to a tier:
    // the member is created only then, so a price of no known publication makes no phantom member.
    pendingEmail: text("pending_email"),
    pendingName: text("pending_name"),
    customerId: text("customer_id"),
    status: text("status"),
    // The tier its price maps to: (publication, slug); null for a price of no known tier.
    publicationId: integer("publication_id").references(() => publications.id, { onDelete: "set null" }),
    tierSlug: text("tier_slug"),
    priceId: text("price_id"),
    interval: text("interval"),
    currentPeriodStart: instant("current_period_start"),
    currentPeriodEnd: instant("current_period_end"),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    canceledAt: instant("canceled_at"),
    endedAt: instant("ended_at"),
    // event.created of the snapshot's event, and the full ordering key (lib/billing/ledger/ordering.ts).
    snapshotAt: instant("snapshot_at"),
    freshness: text("freshness"),
    // The normalized snapshot the grant is derived from (lib/billing/stripe/payloads.ts SubscriptionSnapshot).
    snapshot: jsonb("snapshot"),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [index("stripe_subscriptions_member_idx").on(t.memberId), index("stripe_subscriptions_customer_idx").on(t.customerId)],
);

// Invoices tie payments to the subscription (and service period) they paid for.
export const stripeInvoices = pgTable(
  "stripe_invoices",
  {
    id: text("id").primaryKey(),
    subscriptionId: text("subscription_id"),
    customerId: text("customer_id"),
    status: text("status"),
    amountPaid: integer("amount_paid"),
    currency: text("currency"),
    periodStart: instant("period_start"),
    periodEnd: instant("period_end"),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [index("stripe_invoices_subscription_idx").on(t.subscriptionId)],
);

// One row per payment (keyed by payment intent id, or charge id for charges without one): the
// invoice it paid and whether it was fully refunded. A refund revokes the grant of exactly that
// invoice's subscription.
export const stripePayments = pgTable(
  "stripe_payments",
  {
    id: text("id").primaryKey(),
    chargeId: text("charge_id"),
    invoiceId: text("invoice_id"),
    customerId: text("customer_id"),
    amount: integer("amount"),
    amountRefunded: integer("amount_refunded").notNull().default(0),
    refundedAt: instant("refunded_at"),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [index("stripe_payments_invoice_idx").on(t.invoiceId), index("stripe_payments_charge_idx").on(t.chargeId)],
);

export type StripeEvent = typeof stripeEvents.$inferSelect;
export type StripeSubscription = typeof stripeSubscriptions.$inferSelect;
export type StripeInvoice = typeof stripeInvoices.$inferSelect;
export type StripePayment = typeof stripePayments.$inferSelect;
