import { describe, expect, it } from "vitest";
import { commentErrorMessage } from "@/lib/comments/messages";
import { checkReplyTarget, commentAuthorName, EDIT_WINDOW_MS, isWithinEditWindow } from "@/lib/comments/rules";
import { en } from "@/lib/i18n/en";

const now = new Date("2026-12-01T09:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);

describe("edit window", () => {
  const created = now;
  it.each([
    [0, true],
    [EDIT_WINDOW_MS - 1, true],
    [EDIT_WINDOW_MS, false],
    [EDIT_WINDOW_MS + 1, false],
  ])("createdAt + %i ms → editable %s", (offset, expected) => {
    expect(isWithinEditWindow(created, at(offset))).toBe(expected);
  });
});

describe("replies", () => {
  const top = { id: 1, articleId: 7, parentId: null, hiddenAt: null, deletedAt: null };
  it.each([
    ["a top-level comment of the piece", top, 7, true],
    ["a missing parent", null, 7, false],
    ["a parent on another piece", top, 8, false],
    ["a reply (one level only)", { ...top, id: 2, parentId: 1 }, 7, false],
    ["a hidden parent", { ...top, hiddenAt: now }, 7, false],
    ["a deleted parent", { ...top, deletedAt: now }, 7, false],
  ])("%s", (_name, parent, articleId, ok) => {
    expect(checkReplyTarget(parent, articleId).ok).toBe(ok);
  });
});

describe("author name", () => {
  it.each([
    [{ name: "김기자", email: "kim@example.com" }, "김기자"],
    [{ name: "  ", email: "kim@example.com" }, "kim"],
    [{ name: null, email: "first.last+tag@example.com" }, "first.last+tag"],
    [{ name: null, email: "@example.com" }, "member"],
  ])("%j → %s (never the full email)", (member, expected) => {
    expect(commentAuthorName(member)).toBe(expected);
    expect(commentAuthorName(member)).not.toContain("@");
  });
});

describe("error messages", () => {
  const t = en.comments;
  it.each([
    [401, { code: "unauthorized:comment", message: "" }, t.errors.signedOut],
    [429, { code: "rate_limited:comment", message: "", retryAfterSeconds: 42 }, t.errors.rateLimited(42)],
    [403, { code: "forbidden:comment", message: "", reason: "banned", bannedUntil: null }, t.bannedForever],
    [403, { code: "forbidden:comment", message: "", reason: "edit_window" }, t.errors.editWindow],
    [422, { code: "invalid:body", message: "", reason: "empty" }, t.errors.empty],
    [422, { code: "invalid:body", message: "", reason: "too_long", maxLength: 2000 }, t.errors.tooLong(2000)],
    [422, { code: "invalid:parent", message: "" }, t.errors.parent],
    [500, { code: "internal:server", message: "" }, t.errors.generic],
  ])("%i %j", (status, error, expected) => {
    expect(commentErrorMessage(t, "en", status, error)).toBe(expected);
  });
});
