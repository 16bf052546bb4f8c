import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getCommentTarget,
  insertBan,
  insertComment,
  insertReport,
  liftBans,
  listArticleComments,
  listModerationQueue,
  listOpenBans,
  listReportedCommentIds,
  resolveReports,
  setCommentHidden,
  softDeleteComment,
  updateCommentBody,
} from "@/db/queries/comments";
import { upsertArticle } from "@/db/queries/content-writes";
import { ensureMember, getMemberById } from "@/db/queries/members";
import { listAudit } from "@/db/queries/studio-audit";
import { requirePrimaryPublication, seedDemo } from "@/db/seed/seed";
import { demoArticles } from "@/db/seed/demo-content";
import { deriveSearchText } from "@/lib/articles/derive";
import { banMember, liftBan } from "@/lib/comments/moderation";
import { resolveActiveBan, resolvePostRight } from "@/lib/access";
import { databaseKinds, openTestDatabase, type TestDatabase } from "./helpers/databases";

const MIN = 60_000;

describe.each(databaseKinds())("comment queries on %s", (kind) => {
  let t: TestDatabase;
  const now = new Date("2026-12-01T09:00:00Z");
  const at = (ms: number) => new Date(now.getTime() + ms);
  const piece = demoArticles.find((a) => a.access === "premium")!;
  const other = demoArticles.find((a) => a.access === "public")!;
  let articleId = 0;
  let otherId = 0;
  let kim = 0;
  let lee = 0;
  let editor = 0;
  // The primary publication: the demo pieces, bans and the moderation queue here are all its.
  let pub = 0;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await seedDemo(t.db, new Date(now.getTime() - 60 * MIN));
    pub = await requirePrimaryPublication(t.db);
    articleId = (await getCommentTarget(t.db, pub, piece.slug, now))!.id;
    otherId = (await getCommentTarget(t.db, pub, other.slug, now))!.id;
    kim = (await ensureMember(t.db, "kim@example.com", { name: "김독자" })).id;
    lee = (await ensureMember(t.db, "lee.reader@example.com")).id;
    editor = (await ensureMember(t.db, "editor-it@example.com", { role: "editor" })).id;
  });
  afterAll(async () => t?.close());

  it("finds the live piece a discussion belongs to, and nothing for drafts or future pieces", async () => {
    expect(await getCommentTarget(t.db, pub, piece.slug, now)).toMatchObject({ slug: piece.slug, access: "premium" });
    expect(await getCommentTarget(t.db, pub, "no-such-piece", now)).toBeNull();
    const base = { publicationId: pub, body: "x", locale: "ko" as const, access: "public", authorIds: [], tagIds: [], ...deriveSearchText("x", 3) };
    await upsertArticle(t.db, { ...base, slug: "it-comments-draft", title: "d", status: "draft", publishAt: at(-MIN) });
    await upsertArticle(t.db, { ...base, slug: "it-comments-later", title: "l", status: "scheduled", publishAt: at(MIN) });
    expect(await getCommentTarget(t.db, pub, "it-comments-draft", now)).toBeNull();
    expect(await getCommentTarget(t.db, pub, "it-comments-later", now)).toBeNull();
    expect(await getCommentTarget(t.db, pub, "it-comments-later", at(MIN))).not.toBeNull();
  });

  it("lists a piece's comments oldest first with the author's display name, and only that piece's", async () => {
    const first = await insertComment(t.db, { articleId, memberId: kim, body: "첫 댓글", tierSlug: "premium", createdAt: at(1000) });
    await insertComment(t.db, { articleId, memberId: lee, parentId: first.id, body: "reply", tierSlug: "premium", createdAt: at(3000) });
    await insertComment(t.db, { articleId, memberId: lee, body: "second", tierSlug: "premium", createdAt: at(2000) });
    await insertComment(t.db, { articleId: otherId, memberId: kim, body: "elsewhere", tierSlug: "premium", createdAt: at(1500) });
    const rows = await listArticleComments(t.db, articleId);
    expect(rows.map((r) => r.body)).toEqual(["첫 댓글", "second", "reply"]);
    // Only the chosen display name: kim has an account name but chose none, and no email is read.
    expect(rows[0]).toMatchObject({ displayName: null, parentId: null });
    expect(rows[0]).not.toHaveProperty("authorEmail");
    expect(JSON.stringify(rows)).not.toContain("김독자");
    expect(rows[2].parentId).toBe(first.id);
  });

  it("edits, hides, restores and soft-deletes (once)", async () => {
    const c = await insertComment(t.db, { articleId, memberId: kim, body: "before", tierSlug: "premium", createdAt: now });
    expect(await updateCommentBody(t.db, c.id, "after", at(MIN))).toMatchObject({ body: "after", editedAt: at(MIN) });
    expect(await setCommentHidden(t.db, c.id, true, editor, at(2 * MIN))).toMatchObject({ hiddenAt: at(2 * MIN), hiddenBy: editor });
    expect(await setCommentHidden(t.db, c.id, false, editor, at(3 * MIN))).toMatchObject({ hiddenAt: null, hiddenBy: null });
    expect(await softDeleteComment(t.db, c.id, kim, at(4 * MIN))).toMatchObject({ deletedAt: at(4 * MIN), deletedBy: kim });
    expect(await softDeleteComment(t.db, c.id, kim, at(5 * MIN))).toBeNull();
    expect(await updateCommentBody(t.db, c.id, "ghost", at(6 * MIN))).toBeNull();
  });

  it("records one report per member, even when two arrive at once, and queues open reports", async () => {
    const c = await insertComment(t.db, { articleId, memberId: kim, body: "reported", tierSlug: "premium", createdAt: at(10 * MIN) });
    const twice = await Promise.all([1, 2].map(() => insertReport(t.db, { commentId: c.id, memberId: lee, reason: "spam", at: at(11 * MIN) })));
    expect(twice.sort()).toEqual([false, true]);
    expect(await insertReport(t.db, { commentId: c.id, memberId: editor, reason: null, at: at(12 * MIN) })).toBe(true);
    expect(await listReportedCommentIds(t.db, articleId, lee)).toEqual([c.id]);
    expect(await listReportedCommentIds(t.db, otherId, lee)).toEqual([]);

    const reported = await listModerationQueue(t.db, pub, "reported");
    expect(reported.map((r) => [r.id, r.openReports])).toEqual([[c.id, 2]]);
    expect(reported[0]).toMatchObject({ articleSlug: piece.slug, authorEmail: "kim@example.com", lastReportAt: at(12 * MIN) });
    const recent = await listModerationQueue(t.db, pub, "recent", 3);
    expect(recent[0].id).toBe(c.id);

    await resolveReports(t.db, c.id, at(13 * MIN));
    expect(await listModerationQueue(t.db, pub, "reported")).toEqual([]);
    // A settled report still counts as this member's one report.
    expect(await insertReport(t.db, { commentId: c.id, memberId: lee, reason: null, at: at(14 * MIN) })).toBe(false);
  });

  it("keeps ban history; a timed ban ends on its own and a lifted one stops counting", async () => {
    const premium = { slug: "premium", rank: 2, canComment: true };
    const right = async (instant: Date) =>
      resolvePostRight({
        piece: { access: "public", unlockAt: null },
        tier: premium,
        tiers: [premium],
        bans: await listOpenBans(t.db, pub, [kim]),
        now: instant,
      });
    await insertBan(t.db, { publicationId: pub, memberId: kim, until: at(5000), reason: "cool off", createdBy: editor, at: now });
    expect(await right(at(4999))).toMatchObject({ ok: false, reason: "banned", bannedUntil: at(5000), banReason: "cool off" });
    expect(await right(at(5000))).toEqual({ ok: true });
    await insertBan(t.db, { publicationId: pub, memberId: kim, until: null, reason: "for good", createdBy: editor, at: now });
    expect(resolveActiveBan(await listOpenBans(t.db, pub, [kim]), at(10_000))?.reason).toBe("for good");
    expect(await liftBans(t.db, pub, kim, editor, at(10_000))).toBe(2);
    expect(await listOpenBans(t.db, pub, [kim])).toEqual([]);
    expect(await right(at(10_001))).toEqual({ ok: true });
  });

  it("bans and lifts through the moderation service: epoch bumped, audit written", async () => {
    // A network editor working in the primary publication's studio.
    const actor = { memberId: editor, label: "editor-it@example.com", role: "editor" as const, publicationId: pub, network: false };
    const before = (await getMemberById(t.db, lee))!.accessEpoch;
    await banMember(t.db, actor, { memberId: lee, until: at(60 * MIN).toISOString(), reason: "도배" }, now);
    expect((await getMemberById(t.db, lee))!.accessEpoch).toBe(before + 1);
    await expect(banMember(t.db, actor, { memberId: lee, until: at(-1).toISOString(), reason: "past" }, now)).rejects.toThrow();
    await expect(banMember(t.db, actor, { memberId: lee, until: null, reason: "  " }, now)).rejects.toThrow();
    expect(await liftBan(t.db, actor, lee, at(MIN))).toBe(1);
    expect((await getMemberById(t.db, lee))!.accessEpoch).toBe(before + 2);
    expect(await liftBan(t.db, actor, lee, at(MIN))).toBe(0);
    const audit = await listAudit(t.db, { memberId: lee });
    expect(audit.map((a) => a.action)).toEqual(["comment.unban", "comment.ban"]);
  });
});
