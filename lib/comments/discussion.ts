import "server-only";
import type { Db } from "@/db/client";
import { isLookupKey } from "@/lib/http/lookup-key";
import { getCommentTarget, listOpenBans, listReportedCommentIds, type CommentTarget } from "@/db/queries/comments";
import { canRead, lowestCommentTier, resolvePostRight, type PostRight } from "@/lib/access";
import { getTiers } from "@/lib/articles/reader";
import type { TierView } from "@/lib/articles/view-models";
import type { Viewer } from "@/lib/auth/viewer";
import { MAX_COMMENT_LENGTH } from "./body";
import { getCachedComments } from "./cache";
import { notFoundError } from "./errors";
import { EDIT_WINDOW_MS } from "./rules";
import { ANONYMOUS_AUTHOR, buildThread, countVisible } from "./thread";
import type { CommentListResponse, TierLabel, ViewerCommentState } from "./types";

// `publicationId`: the publication at the request's host; the viewer was resolved in it.
// `locale`: the publication's, for the anonymous author label in API answers.
export type CommentCtx = { db: Db; publicationId: number; viewer: Viewer; now: Date; locale?: "ko" | "en" };
export type Discussion = { target: CommentTarget; tiers: TierView[]; readable: boolean; right: PostRight };

const label = (t: TierView | null | undefined): TierLabel | null => (t ? { slug: t.slug, name: t.name, nameEn: t.nameEn } : null);

// Everything a handler needs to decide, loaded once: the live piece (404 otherwise), whether the
// viewer reads it, and their post right at `now` (tier, ban history) from lib/comments/rules.
export async function loadDiscussion({ db, publicationId, viewer, now }: CommentCtx, slug: string): Promise<Discussion> {
  const target = isLookupKey(slug) ? await getCommentTarget(db, publicationId, slug, now) : null;
  if (!target) throw notFoundError("article");
  const [tiers, bans] = await Promise.all([getTiers(publicationId), viewer.signedIn ? listOpenBans(db, publicationId, [viewer.member.id]) : []]);
  const tier = viewer.access.tier;
  return {
    target,
    tiers,
    readable: canRead(target, tier, tiers, now),
    right: resolvePostRight({ piece: target, tier, tiers, bans, now }),
  };
}

function viewerState(viewer: Viewer, right: PostRight): ViewerCommentState {
  return {
    signedIn: viewer.signedIn,
    canPost: right.ok,
    reason: right.ok ? null : right.reason,
    bannedUntil: !right.ok && right.reason === "banned" ? (right.bannedUntil?.toISOString() ?? null) : null,
    banReason: !right.ok && right.reason === "banned" ? right.banReason : null,
  };
}

// Readers who may not read the piece get `locked: true` and no comments (200, not 403): the
// page around the island already shows the piece's upsell, and the island repeats it.
export async function listComments(ctx: CommentCtx, slug: string): Promise<CommentListResponse> {
  const { target, tiers, readable, right } = await loadDiscussion(ctx, slug);
  const base = {
    viewer: viewerState(ctx.viewer, right),
    commentTier: label(lowestCommentTier(tiers)),
    requiredTier: label(tiers.find((t) => t.slug === target.access)),
    limits: { maxLength: MAX_COMMENT_LENGTH, editWindowSeconds: EDIT_WINDOW_MS / 1000 },
  };
  if (!readable) return { ...base, locked: true, comments: [], count: 0 };
  const rows = await getCachedComments(target.publicationId, target.id, slug);
  const memberId = ctx.viewer.signedIn ? ctx.viewer.member.id : null;
  const reported = memberId !== null && rows.length > 0 ? await listReportedCommentIds(ctx.db, target.id, memberId) : [];
  const comments = buildThread(
    rows,
    { memberId, reportedIds: new Set(reported), canEdit: right.ok, anonymousName: ANONYMOUS_AUTHOR[ctx.locale ?? "ko"] },
    tiers,
    ctx.now,
  );
  return { ...base, locked: false, comments, count: countVisible(comments) };
}
