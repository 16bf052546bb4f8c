// Pure comment rules. Every instant comes from the caller, so tests pin the boundaries exactly.
// The comment and ban rights live in lib/access with the other tier rules.

export const EDIT_WINDOW_MS = 15 * 60 * 1000;

export function editableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + EDIT_WINDOW_MS);
}

/** Editable while `now` is strictly before createdAt + 15 minutes. */
export function isWithinEditWindow(createdAt: Date, now: Date): boolean {
  return now.getTime() < editableUntil(createdAt).getTime();
}

/** Name shown next to a comment: the member's name, else the part of the email before "@". */
export function commentAuthorName(member: { name: string | null; email: string }): string {
  const name = member.name?.trim();
  if (name) return name;
  const local = member.email.split("@")[0]?.trim();
  return local || "member";
}

export type ParentLike = { id: number; articleId: number; parentId: number | null; hiddenAt: Date | null; deletedAt: Date | null };
export type ReplyCheck = { ok: true } | { ok: false; message: string };

// One level of replies only, within the same piece, and never under a removed comment.
export function checkReplyTarget(parent: ParentLike | null, articleId: number): ReplyCheck {
  if (!parent || parent.articleId !== articleId) return { ok: false, message: "parentId: no such comment on this piece." };
  if (parent.parentId !== null) return { ok: false, message: "parentId: replies can only be made to top-level comments." };
  if (parent.hiddenAt || parent.deletedAt) return { ok: false, message: "parentId: this comment was removed and cannot be replied to." };
  return { ok: true };
}
