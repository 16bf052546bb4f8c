import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { getComment, insertBan, liftBans, resolveReports, setCommentHidden, softDeleteComment } from "@/db/queries/comments";
import { bumpAccessEpoch, getMemberById } from "@/db/queries/members";
import { articles } from "@/db/schema";
import { noteEpoch } from "@/lib/auth/epochs";
import { recordAudit, type Actor } from "@/lib/studio/audit";
import { eq } from "drizzle-orm";
import { invalidateComments } from "./cache";
import { CommentApiError } from "./errors";
import type { ModerationVerb } from "./moderation-verbs";

// Moderator actions. Callers (studio Server Actions) establish the staff actor on the server;
// each change and its audit entry commit together, then the discussion cache is refreshed.

async function pieceOf(db: Pick<Db, "select">, articleId: number): Promise<{ slug: string; publicationId: number } | null> {
  const [row] = await db.select({ slug: articles.slug, publicationId: articles.publicationId }).from(articles).where(eq(articles.id, articleId)).limit(1);
  return row ?? null;
}

// Moderators work in their publication: comments, bans and members of another are out of reach.
function moderatorPublication(actor: Actor): number {
  if (actor.publicationId === null) throw new CommentApiError("forbidden", "moderation", "스튜디오에 로그인한 편집자만 할 수 있습니다.");
  return actor.publicationId;
}

export async function moderateComment(db: Db, actor: Actor, commentId: number, verb: ModerationVerb, now = new Date()): Promise<{ slug: string }> {
  const by = actor.memberId;
  if (by === null) throw new CommentApiError("forbidden", "moderation", "스튜디오에 로그인한 편집자만 할 수 있습니다.");
  const pub = moderatorPublication(actor);
  const slug = await db.transaction(async (tx) => {
    const comment = await getComment(tx, commentId);
    const piece = comment ? await pieceOf(tx, comment.articleId) : null;
    if (!comment || piece?.publicationId !== pub) throw new CommentApiError("not_found", "comment", "그런 댓글이 없습니다.");
    if (verb === "hide") await setCommentHidden(tx, commentId, true, by, now);
    if (verb === "restore") await setCommentHidden(tx, commentId, false, by, now);
    if (verb === "delete") await softDeleteComment(tx, commentId, by, now);
    // Any decision on the comment settles the reports that asked for one.
    await resolveReports(tx, commentId, now);
    await recordAudit(tx, actor, {
      action: `comment.${verb}`,
      subjectType: "comment",
      subjectId: commentId,
      memberId: comment.memberId,
      summary: comment.body.slice(0, 120),
    });
    return piece.slug;
  });
  invalidateComments(pub, slug);
  return { slug };
}

export const banInput = z
  .object({
    memberId: z.coerce.number().int().positive(),
    // An ISO instant from the form (converted from the moderator's local time in the browser).
    until: z.iso.datetime({ offset: true }).nullable(),
    reason: z.string().trim().min(1, "사유를 적어 주세요.").max(500, "사유는 500자 이내로 적어 주세요."),
  })
  .strict();

// A ban bumps the member's access epoch so their session and open pages learn of it at once.
export async function banMember(db: Db, actor: Actor, raw: unknown, now = new Date()) {
  const input = banInput.parse(raw);
  const until = input.until ? new Date(input.until) : null;
  if (until && until.getTime() <= now.getTime()) throw new CommentApiError("invalid", "until", "종료 시각은 지금보다 뒤여야 합니다.");
  if (actor.memberId === null) throw new CommentApiError("forbidden", "moderation", "스튜디오에 로그인한 편집자만 할 수 있습니다.");
  const createdBy = actor.memberId;
  const pub = moderatorPublication(actor);
  const result = await db.transaction(async (tx) => {
    const member = await getMemberById(tx, input.memberId);
    if (!member) throw new CommentApiError("not_found", "member", "그런 회원이 없습니다.");
    // A ban is for this publication's discussions only.
    const ban = await insertBan(tx, { publicationId: pub, memberId: member.id, until, reason: input.reason, createdBy, at: now });
    await recordAudit(tx, actor, {
      action: "comment.ban",
      subjectType: "member",
      subjectId: member.id,
      memberId: member.id,
      summary: until ? `댓글 금지 (${until.toISOString()}까지)` : "댓글 무기한 금지",
      details: { until: until?.toISOString() ?? null, reason: input.reason, banId: ban.id },
    });
    return { ban, epoch: await bumpAccessEpoch(tx, member.id) };
  });
  noteEpoch(input.memberId, result.epoch);
  return result.ban;
}

export async function liftBan(db: Db, actor: Actor, memberId: number, now = new Date()): Promise<number> {
  if (actor.memberId === null) throw new CommentApiError("forbidden", "moderation", "스튜디오에 로그인한 편집자만 할 수 있습니다.");
  const by = actor.memberId;
  const pub = moderatorPublication(actor);
  const result = await db.transaction(async (tx) => {
    const lifted = await liftBans(tx, pub, memberId, by, now);
    if (lifted === 0) return { lifted, epoch: null };
    await recordAudit(tx, actor, { action: "comment.unban", subjectType: "member", subjectId: memberId, memberId, summary: "댓글 금지 해제" });
    return { lifted, epoch: await bumpAccessEpoch(tx, memberId) };
  });
  if (result.epoch !== null) noteEpoch(memberId, result.epoch);
  return result.lifted;
}
