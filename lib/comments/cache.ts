import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { getDb } from "@/db/client";
import { listArticleComments, type ThreadRow } from "@/db/queries/comments";
import { commentsTag } from "@/lib/articles/cache-tags";
import { resolveDisplayName } from "@/lib/account/display-name";
import type { CachedComment, CommentState } from "./types";

// A piece's discussion is cached on its own, tagged `comments:<slug>`, and only the comments API
// reads it. The per-tier page render never touches this entry, so posting or moderating comments
// invalidates the discussion and leaves the page's one-render-per-tier cache alone.
// With several instances (REDIS_URL) the entry and the tag's revalidation live in the shared cache
// (lib/cache/), and the revalidation is also broadcast over PostgreSQL NOTIFY, so a comment posted
// through one instance is in the next read on any instance, even while Redis is away.

// A safety net only: every write revalidates the tag at once.
const COMMENTS_TTL_SECONDS = 300;

function stateOf(row: ThreadRow): CommentState {
  if (row.deletedAt) return "deleted";
  if (row.hiddenAt) return "hidden";
  return "visible";
}

export function toCachedComment(row: ThreadRow): CachedComment {
  const state = stateOf(row);
  return {
    id: row.id,
    parentId: row.parentId,
    memberId: row.memberId,
    // Only a display name the member chose is cached or sent; without one the author is anonymous
    // (never the email's local part, which identifies people).
    authorName: resolveDisplayName(row.displayName),
    tierSlug: row.tierSlug,
    body: state === "visible" ? row.body : null,
    state,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

export function getCachedComments(publicationId: number, articleId: number, slug: string): Promise<CachedComment[]> {
  return unstable_cache(
    async () => (await listArticleComments(await getDb(), articleId)).map(toCachedComment),
    // The article id is part of the key so a slug reused by a new piece never shows old comments.
    ["comments", String(publicationId), slug, String(articleId)],
    { tags: [commentsTag(publicationId, slug)], revalidate: COMMENTS_TTL_SECONDS },
  )();
}

// Expire at once (no stale window): the writer's next read must include their own change.
export function invalidateComments(publicationId: number, slug: string): void {
  revalidateTag(commentsTag(publicationId, slug), { expire: 0 });
}
