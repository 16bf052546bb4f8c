import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getArticleIdBySlug, getStudioArticle } from "@/db/queries/studio-articles";
import { ensureMember } from "@/db/queries/members";
import { bumpPreviewGeneration, getPreviewGeneration, getRevision, listRevisions } from "@/db/queries/piece-revisions";
import { listAudit } from "@/db/queries/studio-audit";
import { insertPublication } from "@/db/queries/publications";
import { requirePrimaryPublication, seedDemo } from "@/db/seed/seed";
import { AppError } from "@/lib/http/errors";
import { importWxr } from "@/lib/import/wxr";
import { cliActor, type Actor } from "@/lib/studio/audit";
import { createPiece, restorePieceRevision, updatePiece } from "@/lib/studio/pieces";
import { databaseKinds, openTestDatabase, type TestDatabase } from "./helpers/databases";

const now = new Date("2026-11-28T00:00:00Z");

describe.each(databaseKinds())("piece revisions on %s", (kind) => {
  let t: TestDatabase;
  let pub = 0;
  let editor: Actor;
  let editorId = 0;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await seedDemo(t.db, now);
    pub = await requirePrimaryPublication(t.db);
    // Unique per run: the PostgreSQL database is shared between test files.
    editorId = (await ensureMember(t.db, `rev-editor-${Date.now()}@example.com`)).id;
    editor = { ...cliActor("rev-editor", pub), memberId: editorId };
  });
  afterAll(async () => t?.close());

  it("the studio/Admin API writer records a revision on create and on every update, with the editor", async () => {
    const { article } = await createPiece(t.db, editor, { title: "초안 v1", body: "첫 본문", dek: ["요약 1"], access: "public", status: "draft" }, now);
    await updatePiece(t.db, editor, article.id, { body: "둘째 본문" }, now);
    // A PATCH that names only the status still leaves a revision of the content it kept.
    await updatePiece(t.db, cliActor("api", pub), article.id, { status: "draft", title: "초안 v3" }, now);
    const revs = await listRevisions(t.db, pub, article.id);
    expect(revs.map((r) => r.title)).toEqual(["초안 v3", "초안 v1", "초안 v1"]);
    expect(revs.map((r) => r.editorEmail)).toEqual([null, expect.stringMatching(/^rev-editor-/), expect.stringMatching(/^rev-editor-/)]);
    const oldest = await getRevision(t.db, pub, article.id, revs[2].id);
    expect(oldest).toMatchObject({ body: "첫 본문", dek: ["요약 1"], editorMemberId: editorId });
  });

  it("restore brings back title, body and dek only, as a new save with its own audit entry", async () => {
    const { article } = await createPiece(
      t.db,
      editor,
      { title: "원래 제목", body: "원래 본문", dek: ["원래 요약"], access: "public", status: "draft", tags: ["복원"] },
      now,
    );
    await updatePiece(t.db, editor, article.id, { title: "바뀐 제목", body: "바뀐 본문", dek: ["바뀐 요약"], access: "premium" }, now);
    const [, first] = await listRevisions(t.db, pub, article.id);
    const change = await restorePieceRevision(t.db, editor, article.id, first.id, now);
    const row = await getStudioArticle(t.db, pub, article.id);
    expect(row).toMatchObject({ title: "원래 제목", body: "원래 본문", dek: ["원래 요약"], access: "premium" });
    expect(row?.tags.map((x) => x.name)).toEqual(["복원"]);
    expect(change.article.title).toBe("원래 제목");
    const revs = await listRevisions(t.db, pub, article.id);
    expect(revs).toHaveLength(3);
    expect(revs[0].title).toBe("원래 제목");
    const [entry] = await listAudit(t.db, { subjectType: "article", subjectId: String(article.id) });
    expect(entry).toMatchObject({ action: "piece.restore", actorLabel: "rev-editor", details: expect.objectContaining({ revisionId: first.id }) });
  });

  it("a revision of another piece or another publication is not found", async () => {
    const a = await createPiece(t.db, editor, { title: "A 기사", body: "a", access: "public", status: "draft" }, now);
    const b = await createPiece(t.db, editor, { title: "B 기사", body: "b", access: "public", status: "draft" }, now);
    const [revA] = await listRevisions(t.db, pub, a.article.id);
    const err = await restorePieceRevision(t.db, editor, b.article.id, revA.id, now).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("not_found:revision");
    const other = await insertPublication(t.db, { slug: `rev-other-${Date.now()}`, name: "Other", locale: "ko" }, [`rev-${Date.now()}.localhost`]);
    expect(await listRevisions(t.db, other.id, a.article.id)).toEqual([]);
    expect(await getRevision(t.db, other.id, a.article.id, revA.id)).toBeNull();
  });

  it("a WordPress import records a revision for each piece it writes", async () => {
    const actor = cliActor("import", pub);
    await importWxr(t.db, actor, fs.readFileSync("tests/fixtures/wxr/sample.xml", "utf8"));
    const id = await getArticleIdBySlug(t.db, pub, "grid-delay");
    const revs = await listRevisions(t.db, pub, id!);
    expect(revs).toHaveLength(1);
    expect(revs[0]).toMatchObject({ title: "송전망이 늦어지는 이유", editorEmail: null });
  });

  it("revoking preview links moves the piece's generation by one each time", async () => {
    const { article } = await createPiece(t.db, editor, { title: "미리보기 대상", body: "x", access: "public", status: "draft" }, now);
    expect(await getPreviewGeneration(t.db, article.id)).toBe(0);
    expect(await bumpPreviewGeneration(t.db, article.id)).toBe(1);
    await Promise.all([bumpPreviewGeneration(t.db, article.id), bumpPreviewGeneration(t.db, article.id)]);
    expect(await getPreviewGeneration(t.db, article.id)).toBe(3);
  });
});
