import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLiveArticleBySlug } from "@/db/queries/articles";
import { getActiveTokenByHash } from "@/db/queries/studio-tokens";
import { getNextContentChange, getStudioArticle, listContentChangesBetween, listStudioArticles } from "@/db/queries/studio-articles";
import { listAudit } from "@/db/queries/studio-audit";
import { createApiToken, hashToken, revokeToken } from "@/lib/admin-api/tokens";
import { AppError } from "@/lib/http/errors";
import { cliActor, type Actor } from "@/lib/studio/audit";
import { grantWithAudit, revokeWithAudit, setRoleWithAudit } from "@/lib/studio/member-changes";
import { createPiece, removePiece, updatePiece } from "@/lib/studio/pieces";
import { databaseKinds, type TestDatabase } from "./helpers/databases";
import { openDemoStudio } from "./helpers/suites";

const now = new Date("2026-11-28T00:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe.each(databaseKinds())("studio writes on %s", (kind) => {
  // Studio writes happen in the actor's publication: here the primary's.
  let t: TestDatabase, pub: number, actor: Actor;
  beforeAll(async () => {
    ({ t, pub, actor } = await openDemoStudio(kind, now, "test-editor"));
  });
  afterAll(async () => t?.close());

  it("creates a gated piece with byline, section and new tags, deriving its search text and auditing it", async () => {
    const body = "첫 문단.\n\n<!-- paywall -->\n\n유료 문단 SECRET.";
    const { article } = await createPiece(
      t.db,
      actor,
      {
        title: "Chip Export Rules",
        body,
        access: "premium",
        status: "published",
        authorEmail: "editor@masthead.local",
        section: "research",
        tags: ["새 태그", "반도체"],
      },
      now,
    );
    expect(article.slug).toBe("chip-export-rules");
    expect(article.teaserText).toBe("첫 문단.");
    expect(article.fullText).toContain("SECRET");
    const row = await getStudioArticle(t.db, pub, article.id);
    expect(row?.authors.map((a) => a.email)).toEqual(["editor@masthead.local"]);
    expect(row?.tags.map((x) => x.name).sort()).toEqual(["반도체", "새 태그"]);
    const [entry] = await listAudit(t.db, { subjectType: "article", subjectId: String(article.id) });
    expect(entry).toMatchObject({ action: "piece.create", actorLabel: "test-editor" });
    // Same title again: a free slug is derived.
    const again = await createPiece(t.db, actor, { title: "Chip Export Rules", body: "x", access: "public", status: "draft" }, now);
    expect(again.article.slug).toBe("chip-export-rules-2");
  });

  it("rejects unknown access, sections, authors and taken slugs with field-named errors", async () => {
    const base = { title: "x", body: "x", status: "draft" as const };
    const cases: [Parameters<typeof createPiece>[2], string][] = [
      [{ ...base, access: "platinum" }, "invalid:access"],
      [{ ...base, access: "public", section: "nope" }, "invalid:section"],
      [{ ...base, access: "public", authorEmail: "ghost@example.com" }, "invalid:authorEmail"],
      [{ ...base, access: "public", slug: "chip-export-rules" }, "conflict:slug"],
      [{ ...base, access: "public", status: "scheduled" }, "invalid:publishAt"],
    ];
    for (const [fields, code] of cases) {
      const err = await createPiece(t.db, actor, fields, now).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe(code);
    }
  });

  it("schedules: a future publishAt is scheduled, live at its instant, and is the next change", async () => {
    const at = later(20_000);
    const { article } = await createPiece(t.db, actor, { title: "Scheduled One", body: "x", access: "public", status: "published", publishAt: at }, now);
    expect(article.status).toBe("scheduled");
    expect(await getLiveArticleBySlug(t.db, pub, article.slug, later(19_999))).toBeNull();
    expect(await getLiveArticleBySlug(t.db, pub, article.slug, at)).not.toBeNull();
    expect((await getNextContentChange(t.db, now))?.toISOString()).toBe(at.toISOString());
    const changes = await listContentChangesBetween(t.db, now, at);
    expect(changes.find((c) => c.slug === article.slug)).toMatchObject({ published: true, sectionId: article.sectionId, tagIds: [] });
    expect((await listContentChangesBetween(t.db, at, later(30_000))).map((c) => c.slug)).not.toContain(article.slug);
    expect((await listStudioArticles(t.db, pub, { status: "scheduled" }, now)).map((a) => a.slug)).toContain(article.slug);
    expect((await listStudioArticles(t.db, pub, { status: "published" }, at)).map((a) => a.slug)).toContain(article.slug);
  });

  it("unlockAt of a gated piece is a content change; drafts never are", async () => {
    const unlock = later(5_000);
    const { article } = await createPiece(t.db, actor, { title: "Unlocking", body: "x", access: "premium", status: "published", unlockAt: unlock }, now);
    // An unlock changes what readers may read, not which related lists show the piece.
    expect((await listContentChangesBetween(t.db, now, unlock)).find((c) => c.slug === article.slug)).toMatchObject({ published: false });
    const draft = await createPiece(t.db, actor, { title: "Draft Future", body: "x", access: "premium", status: "draft", unlockAt: later(1_000) }, now);
    expect((await listContentChangesBetween(t.db, now, later(10_000))).map((c) => c.slug)).not.toContain(draft.article.slug);
  });

  it("a text edit expires only the piece's own renders; joining, moving or leaving a section expires that section's related lists", async () => {
    const { article, related } = await createPiece(
      t.db,
      actor,
      { title: "Related Probe", body: "x", access: "public", status: "published", section: "research", tags: ["관련성"] },
      now,
    );
    const created = await getStudioArticle(t.db, pub, article.id);
    const groups = [`related:s:${created!.sectionId}`, `related:t:${created!.tags[0].id}`];
    expect(related.sort()).toEqual(groups.sort());
    const edit = await updatePiece(t.db, actor, article.id, { title: "Related Probe (edited)", body: "y" }, now);
    expect(edit.related).toEqual([]);
    expect(edit.slugs).toEqual([article.slug]);
    const moved = await updatePiece(t.db, actor, article.id, { section: null }, now);
    expect(moved.related).toContain(`related:s:${created!.sectionId}`);
    const gone = await removePiece(t.db, actor, article.id, now);
    expect(gone.related).toEqual([`related:t:${created!.tags[0].id}`]);
    // A draft joins no list, so saving it expires none.
    const draft = await createPiece(t.db, actor, { title: "Related Draft", body: "x", access: "public", status: "draft", section: "research" }, now);
    expect(draft.related).toEqual([]);
  });

  it("a PATCH keeps the slug, byline and tags it does not mention; delete removes the piece", async () => {
    const { article } = await createPiece(
      t.db,
      actor,
      { title: "Patch Me", body: "x", access: "public", status: "published", authorEmail: "editor@masthead.local", tags: ["패치"] },
      now,
    );
    const { article: patched } = await updatePiece(t.db, actor, article.id, { title: "Patched Title", access: "free" }, later(1000));
    expect(patched.slug).toBe("patch-me");
    const row = await getStudioArticle(t.db, pub, article.id);
    expect(row).toMatchObject({ title: "Patched Title", access: "free" });
    expect(row?.authors).toHaveLength(1);
    expect(row?.tags.map((x) => x.name)).toEqual(["패치"]);
    await removePiece(t.db, actor, article.id);
    expect(await getStudioArticle(t.db, pub, article.id)).toBeNull();
    const actions = (await listAudit(t.db, { subjectType: "article", subjectId: String(article.id) })).map((e) => e.action);
    expect(actions).toEqual(["piece.delete", "piece.update", "piece.create"]);
  });

  it("API tokens are stored hashed, shown once, revocable; grants and roles are audited", async () => {
    const { id, token } = await createApiToken(t.db, actor, "ci");
    expect(token).toMatch(/^mh_/);
    expect((await getActiveTokenByHash(t.db, hashToken(token)))?.id).toBe(id);
    await revokeToken(t.db, actor, id);
    expect(await getActiveTokenByHash(t.db, hashToken(token))).toBeNull();

    // A network token (made without a publication) is revoked by a network admin, not by one
    // publication's admin.
    const network = await createApiToken(t.db, cliActor("ci"), "network");
    const pubAdmin: Actor = { memberId: null, label: "pub-admin", role: "admin", publicationId: pub, network: false };
    await expect(revokeToken(t.db, pubAdmin, network.id)).rejects.toThrow(/network admin/);
    expect((await getActiveTokenByHash(t.db, hashToken(network.token)))?.id).toBe(network.id);
    await revokeToken(t.db, { ...pubAdmin, label: "network-admin", network: true }, network.id);
    expect(await getActiveTokenByHash(t.db, hashToken(network.token))).toBeNull();

    const { grant, member } = await grantWithAudit(t.db, actor, {
      email: "comp@example.com",
      tierSlug: "premium",
      startsAt: now,
      endsAt: later(86_400_000),
      source: "comp",
    });
    await revokeWithAudit(t.db, actor, grant.id, "test");
    await setRoleWithAudit(t.db, actor, member.id, "editor");
    const actions = (await listAudit(t.db, { memberId: member.id })).map((e) => e.action);
    expect(actions).toEqual(["member.role", "grant.revoke", "grant.create"]);
    // Network roles are for network admins only: neither an editor nor a publication's own admin.
    const editor: Actor = { memberId: null, label: "ed", role: "editor", publicationId: pub, network: false };
    await expect(setRoleWithAudit(t.db, editor, member.id, "admin")).rejects.toThrow(/Only network admins/);
    const publicationAdmin: Actor = { memberId: null, label: "pub-admin", role: "admin", publicationId: pub, network: false };
    await expect(setRoleWithAudit(t.db, publicationAdmin, member.id, "admin")).rejects.toThrow(/Only network admins/);
  });
});
