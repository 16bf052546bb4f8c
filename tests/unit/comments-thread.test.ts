import { describe, expect, it } from "vitest";
import { EDIT_WINDOW_MS } from "@/lib/comments/rules";
import { buildThread, countVisible } from "@/lib/comments/thread";
import type { CachedComment } from "@/lib/comments/types";

const now = new Date("2026-12-01T09:00:00Z");
const iso = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
const tiers = [{ slug: "premium", name: "프리미엄", nameEn: "Premium" }];

function row(id: number, over: Partial<CachedComment> = {}): CachedComment {
  return {
    id,
    parentId: null,
    memberId: 10,
    authorName: "kim",
    tierSlug: "premium",
    body: `c${id}`,
    state: "visible",
    createdAt: iso(60 - id),
    editedAt: null,
    ...over,
  };
}
const anonymous = { memberId: null, reportedIds: new Set<number>(), canEdit: false };

describe("thread", () => {
  it("orders top-level comments and replies oldest first, whatever the input order", () => {
    const rows = [row(4, { parentId: 1 }), row(3), row(1), row(2, { parentId: 1 })];
    const thread = buildThread(rows, anonymous, tiers, now);
    expect(thread.map((c) => c.id)).toEqual([1, 3]);
    expect(thread[0].replies.map((c) => c.id)).toEqual([2, 4]);
    expect(countVisible(thread)).toBe(4);
  });

  it("keeps a removed comment only as a placeholder above visible replies, without its text or author", () => {
    const rows = [
      row(1, { state: "hidden", body: null }),
      row(2, { parentId: 1 }),
      row(3, { state: "deleted", body: null }),
      row(4, { parentId: 3, state: "hidden", body: null }),
    ];
    const thread = buildThread(rows, anonymous, tiers, now);
    expect(thread.map((c) => [c.id, c.state])).toEqual([[1, "hidden"]]);
    expect(thread[0]).toMatchObject({ body: null, author: null });
    expect(thread[0].replies.map((c) => c.id)).toEqual([2]);
    expect(countVisible(thread)).toBe(1);
  });

  it("marks the viewer's own comments, editable only inside the window and with the comment right", () => {
    const fresh = row(1, { createdAt: new Date(now.getTime() - EDIT_WINDOW_MS + 1).toISOString() });
    const old = row(2, { createdAt: new Date(now.getTime() - EDIT_WINDOW_MS).toISOString() });
    const other = row(3, { memberId: 11 });
    const me = { memberId: 10, reportedIds: new Set([3]), canEdit: true };
    const [a, b, c] = buildThread([fresh, old, other], me, tiers, now).sort((x, y) => x.id - y.id);
    expect(a).toMatchObject({ mine: true, editableUntil: new Date(now.getTime() + 1).toISOString() });
    expect(b).toMatchObject({ mine: true, editableUntil: null });
    expect(c).toMatchObject({ mine: false, editableUntil: null, reportedByMe: true });
    const banned = buildThread([fresh], { ...me, canEdit: false }, tiers, now);
    expect(banned[0].editableUntil).toBeNull();
  });

  it("shows the tier badge the author commented with", () => {
    const [c] = buildThread([row(1)], anonymous, tiers, now);
    expect(c.author).toEqual({ name: "kim", anonymous: false, tier: tiers[0] });
  });

  it("shows an author without a display name as anonymous, in the label the caller gives", () => {
    const [ko] = buildThread([row(1, { authorName: null })], anonymous, tiers, now);
    expect(ko.author).toEqual({ name: "독자", anonymous: true, tier: tiers[0] });
    const [en] = buildThread([row(1, { authorName: null })], { ...anonymous, anonymousName: "Reader" }, tiers, now);
    expect(en.author).toMatchObject({ name: "Reader", anonymous: true });
  });
});
