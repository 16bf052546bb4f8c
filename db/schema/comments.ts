import { index, integer, pgTable, primaryKey, serial, text, type AnyPgColumn } from "drizzle-orm/pg-core";
import { createdAt, instant, ownedBy } from "./columns";
import { articles } from "./content";
import { members } from "./members";
import { publications } from "./publications";

export const comments = pgTable(
  "comments",
  {
    id: serial("id").primaryKey(),
    articleId: ownedBy("article_id", () => articles.id),
    memberId: ownedBy("member_id", () => members.id),
    // One level of replies: a reply's parent is always a top-level comment (checked on insert).
    parentId: integer("parent_id").references((): AnyPgColumn => comments.id, { onDelete: "cascade" }),
    // Plain text, normalised on input; never HTML.
    body: text("body").notNull(),
    // The author's tier when posting: the badge shows what they commented as, without
    // recomputing every author's access on each read.
    tierSlug: text("tier_slug").notNull(),
    createdAt: createdAt(),
    editedAt: instant("edited_at"),
    hiddenAt: instant("hidden_at"),
    hiddenBy: integer("hidden_by").references(() => members.id, { onDelete: "set null" }),
    // Deletion is soft so replies keep their place under a "deleted" placeholder.
    deletedAt: instant("deleted_at"),
    deletedBy: integer("deleted_by").references(() => members.id, { onDelete: "set null" }),
  },
  (t) => [
    index("comments_article_idx").on(t.articleId, t.createdAt),
    index("comments_parent_idx").on(t.parentId),
    index("comments_member_idx").on(t.memberId),
    index("comments_created_idx").on(t.createdAt),
  ],
);

// One report per (comment, member): the primary key makes a repeated report a no-op.
export const commentReports = pgTable(
  "comment_reports",
  {
    commentId: ownedBy("comment_id", () => comments.id),
    memberId: ownedBy("member_id", () => members.id),
    reason: text("reason"),
    createdAt: createdAt(),
    // Set when a moderator acted on the comment (hid, restored, deleted or dismissed the reports).
    resolvedAt: instant("resolved_at"),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.memberId] }), index("comment_reports_open_idx").on(t.resolvedAt, t.createdAt)],
);

// Bans keep their history; a ban is in force until `until` (null = indefinitely) unless lifted.
export const commentBans = pgTable(
  "comment_bans",
  {
    id: serial("id").primaryKey(),
    // A ban is for the publication whose moderators issued it.
    publicationId: ownedBy("publication_id", () => publications.id),
    memberId: ownedBy("member_id", () => members.id),
    until: instant("until"),
    // Shown to the banned member.
    reason: text("reason").notNull(),
    createdBy: integer("created_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    liftedAt: instant("lifted_at"),
    liftedBy: integer("lifted_by").references(() => members.id, { onDelete: "set null" }),
  },
  (t) => [index("comment_bans_member_idx").on(t.memberId)],
);

export type Comment = typeof comments.$inferSelect;
export type NewComment = typeof comments.$inferInsert;
export type CommentReport = typeof commentReports.$inferSelect;
export type CommentBanRow = typeof commentBans.$inferSelect;
