import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, serial, text } from "drizzle-orm/pg-core";
import { createdAt, instant, ownedBy } from "./columns";
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
    emailVerifiedAt: instant("email_verified_at"),
    // Bumped on every change to the member's access (grants, bans, role): sessions carrying an
    // older epoch are re-minted before their next request is served.
    accessEpoch: integer("access_epoch").notNull().default(0),
    epochChangedAt: instant("epoch_changed_at"),
    stripeCustomerId: text("stripe_customer_id").unique(),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    // Set when the member deleted their account: email and names are scrubbed at the same time,
    // the row stays so audit entries and anonymised comments keep their reference.
    deletedAt: instant("deleted_at"),
  },
  (t) => [index("members_epoch_changed_idx").on(t.epochChangedAt)],
);

export const grants = pgTable(
  "grants",
  {
    id: serial("id").primaryKey(),
    memberId: ownedBy("member_id", () => members.id),
    // A grant is of one publication's tier: (publication, tier slug).
    publicationId: ownedBy("publication_id", () => publications.id),
    tierSlug: text("tier_slug").notNull(),
    startsAt: instant("starts_at").notNull(),
    // Null only for an explicit lifetime grant.
    endsAt: instant("ends_at"),
    source: text("source").$type<GrantSource>().notNull(),
    // What the grant came from, e.g. a Stripe subscription id; unique per source when set.
    sourceRef: text("source_ref"),
    note: text("note"),
    grantedBy: integer("granted_by").references(() => members.id, { onDelete: "set null" }),
    revokedAt: instant("revoked_at"),
    revokedReason: text("revoked_reason"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [index("grants_member_idx").on(t.memberId), index("grants_source_ref_idx").on(t.source, t.sourceRef)],
);

// One row: the install-wide access generation, bumped by changes that alter access for many members
// at once (bundles, tier ranks): every session minted before it is re-derived (lib/auth/claims.ts).
export const accessGeneration = pgTable("access_generation", {
  id: integer("id").primaryKey().default(1),
  generation: integer("generation").notNull().default(0),
  changedAt: instant("changed_at").notNull().defaultNow(),
});

// next-auth email sign-in tokens (stored hashed by next-auth).
export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: instant("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// A pending change of a member's email address: a single-use link to the new address. Only a
// SHA-256 of the link's secret is stored.
export const emailChanges = pgTable(
  "email_changes",
  {
    id: serial("id").primaryKey(),
    memberId: ownedBy("member_id", () => members.id),
    newEmail: text("new_email").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    createdAt: createdAt(),
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
  createdAt: instant("created_at")
    .notNull()
    .default(sql`now()`),
});

// Fixed-window counters for abuse limits (sign-in requests, comments, search…) when no Redis.
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: instant("window_start").notNull(),
  count: integer("count").notNull().default(0),
});

export type Member = typeof members.$inferSelect;
export type Grant = typeof grants.$inferSelect;
export type EmailChange = typeof emailChanges.$inferSelect;
export type NewGrant = typeof grants.$inferInsert;
