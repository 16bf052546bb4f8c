import { index, integer, jsonb, pgTable, serial, text } from "drizzle-orm/pg-core";
import { createdAt, instant, ownedBy } from "./columns";
import { articles } from "./content";
import { members } from "./members";

// One row per save of a piece's content (studio, Admin API, import), newest last. Restoring a
// revision is itself a save, so the history only grows.
export const pieceRevisions = pgTable(
  "piece_revisions",
  {
    id: serial("id").primaryKey(),
    articleId: ownedBy("article_id", () => articles.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    dek: jsonb("dek").$type<string[]>().notNull(),
    // Null for the CLI, a bootstrap API token or an import without a signed-in editor.
    editorMemberId: integer("editor_member_id").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("piece_revisions_article_idx").on(t.articleId, t.id)],
);

// Draft preview links carry the piece's generation; bumping it revokes every link issued before.
export const piecePreviewKeys = pgTable("piece_preview_keys", {
  articleId: integer("article_id")
    .primaryKey()
    .references(() => articles.id, { onDelete: "cascade" }),
  generation: integer("generation").notNull().default(0),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

export type PieceRevision = typeof pieceRevisions.$inferSelect;
