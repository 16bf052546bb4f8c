import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { enqueueNotice } from "@/db/queries/email";
import { getPublicationMember } from "@/db/queries/publication-members";
import { articles, members, type Comment } from "@/db/schema";
import { excerpt } from "@/lib/articles/plain-text";
import { siteUrl } from "@/lib/env";
import { publicationById } from "@/lib/publications/table";
import { publicationOrigin } from "@/lib/publications/model";
import { articlePath } from "@/lib/seo/urls";
import { wakeEmailWorker } from "./runner";

// "Someone replied to your comment" (design §11): opt-in per publication (/account), never for
// replying to oneself, once per reply. Never fails the comment that caused it.
export async function queueReplyNotice(db: Db, reply: Comment, parent: Comment, replier: { name: string | null; email: string }): Promise<void> {
  if (parent.memberId === reply.memberId) return;
  try {
    const [article] = await db
      .select({ title: articles.title, slug: articles.slug, publicationId: articles.publicationId })
      .from(articles)
      .where(eq(articles.id, reply.articleId))
      .limit(1);
    if (!article) return;
    const account = await getPublicationMember(db, article.publicationId, parent.memberId);
    if (!account?.notifyReplies) return;
    const [author] = await db
      .select({ email: members.email })
      .from(members)
      .where(and(eq(members.id, parent.memberId)))
      .limit(1);
    const pub = publicationById(article.publicationId);
    if (!author || !pub) return;
    const queued = await enqueueNotice(db, {
      publicationId: article.publicationId,
      memberId: parent.memberId,
      email: author.email,
      kind: "comment_reply",
      dedupeKey: `comment_reply:${reply.id}`,
      payload: {
        articleTitle: article.title,
        replierName: replier.name?.trim() || replier.email.split("@")[0],
        excerpt: excerpt(reply.body, 280),
        url: `${publicationOrigin(pub, siteUrl())}${articlePath(article.slug)}#comments-heading`,
      },
    });
    if (queued) wakeEmailWorker();
  } catch (err) {
    console.error("[email] reply notice not queued:", err instanceof Error ? err.message : String(err));
  }
}
