import { sql } from "drizzle-orm";
import { index, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, instant, ownedBy } from "./columns";
import { members } from "./members";
import { publications } from "./publications";

// Secret URLs of members' private full-text feeds. Only a SHA-256 of the secret is stored: the
// URL is shown once, and a leaked database does not leak working feed URLs. Rotating revokes the
// member's live row and inserts a new one; revoked rows stay for the record.
export const privateFeeds = pgTable(
  "private_feeds",
  {
    id: serial("id").primaryKey(),
    memberId: ownedBy("member_id", () => members.id),
    // The feed carries this publication's pieces.
    publicationId: ownedBy("publication_id", () => publications.id),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    revokedAt: instant("revoked_at"),
  },
  (t) => [
    index("private_feeds_member_idx").on(t.memberId),
    // At most one live feed URL per member, even under concurrent rotations.
    uniqueIndex("private_feeds_one_live_idx")
      .on(t.memberId, t.publicationId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

export type PrivateFeed = typeof privateFeeds.$inferSelect;
