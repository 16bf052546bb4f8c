import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, instant, ownedBy } from "./columns";
import { members } from "./members";
import { publications } from "./publications";

// Every grant, role, piece and setting change: who (a member, an API token, the CLI), what, when.
// Rows are only ever inserted; the studio and the member page read them back.
export const auditLog = pgTable(
  "audit_log",
  {
    id: serial("id").primaryKey(),
    at: instant("at").notNull().defaultNow(),
    // The publication the change was made in; null for network-wide changes (roles, publications).
    publicationId: integer("publication_id").references(() => publications.id, { onDelete: "set null" }),
    actorMemberId: integer("actor_member_id").references(() => members.id, { onDelete: "set null" }),
    // Human label kept even when the member row goes away: an email, "token:3 (ci)", "cli".
    actorLabel: text("actor_label").notNull(),
    // Dotted verb, e.g. "piece.update", "grant.create", "member.role", "tier.update".
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    // The member the change concerns, so a member's page lists changes to their access.
    memberId: integer("member_id").references(() => members.id, { onDelete: "set null" }),
    summary: text("summary").notNull().default(""),
    details: jsonb("details")
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_subject_idx").on(t.subjectType, t.subjectId), index("audit_log_member_idx").on(t.memberId)],
);

// Admin API tokens created in the studio or the CLI. Only a SHA-256 of the secret is stored; the
// secret is shown once at creation.
export const apiTokens = pgTable("api_tokens", {
  id: serial("id").primaryKey(),
  // The publication a token works in; null for a network token (every publication).
  publicationId: integer("publication_id").references(() => publications.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  // The first characters of the secret, so a token can be recognised in lists without being usable.
  prefix: text("prefix").notNull(),
  createdBy: integer("created_by").references(() => members.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  lastUsedAt: instant("last_used_at"),
  revokedAt: instant("revoked_at"),
});

// Permanent redirects from URLs of a previous site (WordPress) to their new home.
export const redirects = pgTable(
  "redirects",
  {
    id: serial("id").primaryKey(),
    // Old URLs are answered on the publication's own hosts.
    publicationId: ownedBy("publication_id", () => publications.id),
    // Normalised path (+ query for `/?p=123`), see lib/import/redirects.ts.
    fromPath: text("from_path").notNull(),
    toPath: text("to_path").notNull(),
    source: text("source").notNull().default("wxr"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("redirects_publication_from_idx").on(t.publicationId, t.fromPath)],
);

// What an import created for each external item, so re-importing the same file updates in place
// instead of duplicating (kind: post, author, category, tag).
export const importItems = pgTable(
  "import_items",
  {
    id: serial("id").primaryKey(),
    publicationId: ownedBy("publication_id", () => publications.id),
    source: text("source").notNull(),
    kind: text("kind").notNull(),
    externalId: text("external_id").notNull(),
    localId: integer("local_id").notNull(),
    // Hash of what the import last wrote for this item: an unchanged item is skipped entirely.
    checksum: text("checksum").notNull().default(""),
    // Per-field fingerprints of the values the import last wrote to the piece (access, status,
    // body text, paywall position…), so a re-import only overwrites a field an editor has not
    // changed since (lib/import/wxr-merge.ts). Null for items imported before it existed.
    written: jsonb("written").$type<Record<string, string>>(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("import_items_key_idx").on(t.publicationId, t.source, t.kind, t.externalId)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type Redirect = typeof redirects.$inferSelect;
