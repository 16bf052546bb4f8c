import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { publications } from "./publications";

export const roles = ["reader", "editor", "admin"] as const;
export type Role = (typeof roles)[number];
export const grantSources = ["stripe", "portone", "comp", "trial", "gift", "import"] as const;
export type GrantSource = (typeof grantSources)[number];

export const members = pgTable(
  "members",
  {
    id: serial("id").primaryKey(),
    // Stored lower-cased and trimmed; the unique index is the identity of an account.
    email: text("email").notNull().unique(),
    name: text("name"),
    // What the member's comments show (chosen on /account); null shows the anonymous label.
    // Never derived from the email: the address is private.
    displayName: text("display_name"),
    // The member's network role: an "admin" is a network admin (every publication, creates
    // publications), an "editor" edits every publication. Per-publication roles live in
    // publication_staff.
    role: text("role").$type<Role>().notNull().default("reader"),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    // Bumped on every change to the member's access (grants, bans, role): sessions carrying an
    // older epoch are re-minted before their next request is served.
    accessEpoch: integer("access_epoch").notNull().default(0),
    epochChangedAt: timestamp("epoch_changed_at", { withTimezone: true }),
    stripeCustomerId: text("stripe_customer_id").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // Set when the member deleted their account: email and names are scrubbed at the same time,
    // the row stays so audit entries and anonymised comments keep their reference.
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("members_epoch_changed_idx").on(t.epochChangedAt)],
);

export const grants = pgTable(
  "grants",
  {
    id: serial("id").primaryKey(),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    // A grant is of one publication's tier: (publication, tier slug).
    publicationId: integer("publication_id")
      .notNull()
      .references(() => publications.id, { onDelete: "cascade" }),
    tierSlug: text("tier_slug").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    // Null only for an explicit lifetime grant.
    endsAt: timestamp("ends_at", { withTimezone: true }),
    source: text("source").$type<GrantSource>().notNull(),
    // What the grant came from, e.g. a Stripe subscription id; unique per source when set.
    sourceRef: text("source_ref"),
    note: text("note"),
    grantedBy: integer("granted_by").references(() => members.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("grants_member_idx").on(t.memberId), index("grants_source_ref_idx").on(t.source, t.sourceRef)],
);

// One row: the install-wide access generation, bumped by changes that alter access for many members
// at once (bundles, tier ranks): every session minted before it is re-derived (lib/auth/claims.ts).
export const accessGeneration = pgTable("access_generation", {
  id: integer("id").primaryKey().default(1),
  generation: integer("generation").notNull().default(0),
  changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
});

// next-auth email sign-in tokens (stored hashed by next-auth).
export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// A pending change of a member's email address: a single-use link to the new address. Only a
// SHA-256 of the link's secret is stored.
export const emailChanges = pgTable(
  "email_changes",
  {
    id: serial("id").primaryKey(),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    newEmail: text("new_email").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_changes_member_idx").on(t.memberId)],
);

// Emails that would have been sent when no SMTP server is configured (local demo).
export const devOutbox = pgTable("dev_outbox", {
  id: serial("id").primaryKey(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  url: text("url"),
  createdAt: timestamp("created_at", { withTimezone: true })
    .notNull()
    .default(sql`now()`),
});

// Fixed-window counters for abuse limits (sign-in requests, comments, search…) when no Redis.
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull().default(0),
});

export type Member = typeof members.$inferSelect;
export type Grant = typeof grants.$inferSelect;
export type EmailChange = typeof emailChanges.$inferSelect;
export type NewGrant = typeof grants.$inferInsert;
