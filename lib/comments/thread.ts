// Builds the thread a viewer sees from the cached rows: oldest first, one level of replies,
// removed comments kept only as placeholders above replies that are still visible. Pure.
import { editableUntil, isWithinEditWindow } from "./rules";
import type { CachedComment, CommentView, TierLabel } from "./types";

// `anonymousName`: what `author.name` says for an author without a display name.
export type ThreadViewer = { memberId: number | null; reportedIds: ReadonlySet<number>; canEdit: boolean; anonymousName?: string };

export const ANONYMOUS_AUTHOR = { ko: "독자", en: "Reader" } as const;

const byCreated = (a: CachedComment, b: CachedComment) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id;

export function toCommentView(c: CachedComment, viewer: ThreadViewer, tiers: readonly TierLabel[], now: Date): CommentView {
  const visible = c.state === "visible";
  const mine = viewer.memberId !== null && c.memberId === viewer.memberId;
  const created = new Date(c.createdAt);
  const editable = visible && mine && viewer.canEdit && isWithinEditWindow(created, now);
  return {
    id: c.id,
    parentId: c.parentId,
    state: c.state,
    body: visible ? c.body : null,
    author: visible
      ? {
          name: c.authorName ?? viewer.anonymousName ?? ANONYMOUS_AUTHOR.ko,
          anonymous: c.authorName === null,
          tier: tiers.find((t) => t.slug === c.tierSlug) ?? null,
        }
      : null,
    createdAt: c.createdAt,
    editedAt: visible ? c.editedAt : null,
    mine: visible && mine,
    editableUntil: editable ? editableUntil(created).toISOString() : null,
    reportedByMe: viewer.reportedIds.has(c.id),
    replies: [],
  };
}

export function buildThread(rows: readonly CachedComment[], viewer: ThreadViewer, tiers: readonly TierLabel[], now: Date): CommentView[] {
  const sorted = [...rows].sort(byCreated);
  const repliesByParent = new Map<number, CommentView[]>();
  for (const r of sorted) {
    if (r.parentId === null || r.state !== "visible") continue;
    const list = repliesByParent.get(r.parentId) ?? [];
    list.push(toCommentView(r, viewer, tiers, now));
    repliesByParent.set(r.parentId, list);
  }
  const thread: CommentView[] = [];
  for (const r of sorted) {
    if (r.parentId !== null) continue;
    const replies = repliesByParent.get(r.id) ?? [];
    if (r.state !== "visible" && replies.length === 0) continue;
    thread.push({ ...toCommentView(r, viewer, tiers, now), replies });
  }
  return thread;
}

/** Visible comments a reader can count (placeholders excluded). */
export function countVisible(thread: readonly CommentView[]): number {
  return thread.reduce((n, c) => n + (c.state === "visible" ? 1 : 0) + c.replies.length, 0);
}
