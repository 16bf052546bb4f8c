import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEmailChangeByHash } from "@/db/queries/account";
import { getCommentTarget, insertComment, listArticleComments } from "@/db/queries/comments";
import { ensureMember, getMemberByEmail, getMemberById, insertGrant, listGrants } from "@/db/queries/members";
import { listStaffRoles, setStaffRole } from "@/db/queries/publications";
import { listAudit } from "@/db/queries/studio-audit";
import { members, stripeSubscriptions } from "@/db/schema";
import { demoArticles } from "@/db/seed/demo-content";
import { requirePrimaryPublication, seedDemo } from "@/db/seed/seed";
import { deleteMemberAccount, deletionConfirmed } from "@/lib/account/delete-account";
import { confirmEmailChange, requestEmailChange, type EmailChangeMailer } from "@/lib/account/email-change";
import { EMAIL_CHANGE_TTL_MS, hashEmailChangeToken } from "@/lib/account/email-change-rules";
import { buildMemberExport } from "@/lib/account/export";
import { loadMemberAccess } from "@/lib/auth/member-access";
import { cancelMemberSubscriptions } from "@/lib/billing/provider";
import { setDisplayName } from "@/db/queries/account";
import { databaseKinds, openTestDatabase, type TestDatabase } from "./helpers/databases";

const HOUR = 3_600_000;

function recordingMailer() {
  const sent: { kind: "confirm" | "notify"; to: string; detail: string }[] = [];
  const mail: EmailChangeMailer = {
    confirmNewAddress: async (to, path) => void sent.push({ kind: "confirm", to, detail: path }),
    notifyOldAddress: async (to, newEmail) => void sent.push({ kind: "notify", to, detail: newEmail }),
  };
  const tokenOf = (i: number) => new URL(sent[i].detail, "http://x").searchParams.get("token")!;
  return { sent, mail, tokenOf };
}

describe.each(databaseKinds())("account self-service on %s", (kind) => {
  let t: TestDatabase;
  const now = new Date("2026-12-01T09:00:00Z");
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const addr = (label: string) => `${label}-${run}@example.com`;
  let pub = 0;
  let articleId = 0;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await seedDemo(t.db, new Date(now.getTime() - HOUR));
    pub = await requirePrimaryPublication(t.db);
    articleId = (await getCommentTarget(t.db, pub, demoArticles.find((a) => a.access === "premium")!.slug, now))!.id;
  });
  afterAll(async () => t?.close());

  describe("change of email", () => {
    it("mails a link to the new address, changes the address on confirm, tells the old one, and works once", async () => {
      const member = await ensureMember(t.db, addr("old"));
      const { sent, mail, tokenOf } = recordingMailer();
      const { expiresAt } = await requestEmailChange(t.db, member, ` ${addr("NEW").toUpperCase()} `, mail, now);
      expect(expiresAt).toEqual(new Date(now.getTime() + EMAIL_CHANGE_TTL_MS));
      expect(sent).toEqual([{ kind: "confirm", to: addr("new"), detail: expect.stringMatching(/^\/account\/email\/confirm\?token=/) }]);
      // Only a hash of the link is stored.
      expect(await getEmailChangeByHash(t.db, tokenOf(0))).toBeNull();
      expect(await getEmailChangeByHash(t.db, hashEmailChangeToken(tokenOf(0)))).toMatchObject({ memberId: member.id, newEmail: addr("new") });

      await expect(confirmEmailChange(t.db, tokenOf(0), mail, new Date(now.getTime() + HOUR))).resolves.toEqual({ memberId: member.id, email: addr("new") });
      expect((await getMemberById(t.db, member.id))?.email).toBe(addr("new"));
      expect(sent[1]).toEqual({ kind: "notify", to: addr("old"), detail: addr("new") });
      await expect(confirmEmailChange(t.db, tokenOf(0), mail, new Date(now.getTime() + HOUR))).rejects.toMatchObject({ code: "not_found:email_change" });
      expect((await listAudit(t.db, { memberId: member.id })).map((a) => a.action)).toContain("member.email_change");
    });

    it("refuses an expired link", async () => {
      const member = await ensureMember(t.db, addr("exp"));
      const { mail, tokenOf } = recordingMailer();
      await requestEmailChange(t.db, member, addr("exp-new"), mail, now);
      await expect(confirmEmailChange(t.db, tokenOf(0), mail, new Date(now.getTime() + EMAIL_CHANGE_TTL_MS))).rejects.toMatchObject({
        code: "not_found:email_change",
      });
      expect((await getMemberById(t.db, member.id))?.email).toBe(addr("exp"));
    });

    it("refuses an address another account has, when asked and when the link is used", async () => {
      const member = await ensureMember(t.db, addr("taker"));
      await ensureMember(t.db, addr("taken"));
      const { mail, tokenOf } = recordingMailer();
      await expect(requestEmailChange(t.db, member, addr("taken"), mail, now)).rejects.toMatchObject({ code: "conflict:email" });
      await requestEmailChange(t.db, member, addr("later-taken"), mail, now);
      await ensureMember(t.db, addr("later-taken"));
      await expect(confirmEmailChange(t.db, tokenOf(0), mail, now)).rejects.toMatchObject({ code: "conflict:email" });
      expect((await getMemberById(t.db, member.id))?.email).toBe(addr("taker"));
    });
  });

  describe("export and deletion", () => {
    it("exports the member's own records only", async () => {
      const me = await ensureMember(t.db, addr("export-me"));
      const other = await ensureMember(t.db, addr("export-other"));
      await setDisplayName(t.db, me.id, "내 이름");
      await insertGrant(t.db, {
        memberId: me.id,
        publicationId: pub,
        tierSlug: "premium",
        startsAt: now,
        endsAt: new Date(now.getTime() + 24 * HOUR),
        source: "comp",
      });
      await insertComment(t.db, { articleId, memberId: me.id, body: "my comment", tierSlug: "premium", createdAt: now });
      await insertComment(t.db, { articleId, memberId: other.id, body: "someone else's", tierSlug: "premium", createdAt: now });
      const data = await buildMemberExport(t.db, me.id, now);
      expect(data?.profile).toMatchObject({ id: me.id, email: addr("export-me"), displayName: "내 이름" });
      expect(data?.grants).toEqual([expect.objectContaining({ tier: "premium", source: "comp" })]);
      expect(data?.comments.map((c) => c.body)).toEqual(["my comment"]);
      expect(data?.emailPreferences).toEqual([expect.objectContaining({ newsletter: true })]);
      expect(JSON.stringify(data)).not.toContain(addr("export-other"));
    });

    it("cancels subscriptions, erases the Stripe customer, ends grants and sessions, anonymises comments, scrubs the address and keeps an audit row", async () => {
      const member = await ensureMember(t.db, addr("leaver"), { name: "Real Name" });
      await setDisplayName(t.db, member.id, "떠나는 독자");
      const grant = await insertGrant(t.db, {
        memberId: member.id,
        publicationId: pub,
        tierSlug: "premium",
        startsAt: now,
        endsAt: null,
        source: "stripe",
        sourceRef: `sub_it_${run}`,
      });
      await t.db.insert(stripeSubscriptions).values({ id: `sub_it_${run}`, provider: "stripe", memberId: member.id, status: "active" });
      const comment = await insertComment(t.db, { articleId, memberId: member.id, body: "kept text", tierSlug: "premium", createdAt: now });
      // A staff member who leaves keeps no role, here or network-wide.
      await setStaffRole(t.db, pub, member.id, "admin");
      await t.db
        .update(members)
        .set({ role: "editor", stripeCustomerId: `cus_it_${run}` })
        .where(eq(members.id, member.id));
      const fresh = (await getMemberById(t.db, member.id))!;
      expect(deletionConfirmed(fresh, "someone@else.com")).toBe(false);
      expect(deletionConfirmed(fresh, ` ${addr("leaver").toUpperCase()}`)).toBe(true);

      const cancelled: string[] = [];
      const ok = async (id: string) => void cancelled.push(id);
      const later = new Date(now.getTime() + HOUR);
      const erased: string[] = [];
      const result = await deleteMemberAccount(
        t.db,
        fresh,
        { stripe: ok, demo: ok, portone: ok, stripeCustomer: async (id) => void erased.push(id) },
        later,
        pub,
      );

      expect(cancelled).toEqual([`sub_it_${run}`]);
      expect(erased).toEqual([`cus_it_${run}`]);
      expect(result.endedGrants).toBe(1);
      expect((await listGrants(t.db, member.id)).find((g) => g.id === grant.id)).toMatchObject({ revokedAt: later, revokedReason: "account_deleted" });
      const after = (await getMemberById(t.db, member.id))!;
      expect(after).toMatchObject({ deletedAt: later, name: null, displayName: null, email: `deleted-${member.id}@deleted.invalid`, role: "reader" });
      expect(await listStaffRoles(t.db, member.id)).toEqual([]);
      expect(after.accessEpoch).toBeGreaterThan(fresh.accessEpoch);
      expect(await getMemberByEmail(t.db, addr("leaver"))).toBeNull();
      expect(await loadMemberAccess(t.db, member.id, pub, later)).toBeNull();
      const row = (await listArticleComments(t.db, articleId)).find((c) => c.id === comment.id);
      expect(row).toMatchObject({ body: "kept text", displayName: null });
      const audit = await listAudit(t.db, { memberId: member.id });
      expect(audit.map((a) => a.action)).toContain("member.delete");
      expect(JSON.stringify(audit)).not.toContain(addr("leaver"));
    });

    it("routes each live subscription to its provider's canceller and leaves ended ones alone", async () => {
      const member = await ensureMember(t.db, addr("multi"));
      await t.db.insert(stripeSubscriptions).values([
        { id: `sub_demo${run.replace(/\D/g, "").padEnd(20, "0").slice(0, 20)}`, provider: "stripe", memberId: member.id, status: "active" },
        { id: `sub_done_${run}`, provider: "stripe", memberId: member.id, status: "canceled" },
        { id: `sub_ending_${run}`, provider: "stripe", memberId: member.id, status: "active", cancelAtPeriodEnd: true },
        // The ledger's mirror of a PortOne subscription is not Stripe's to cancel.
        { id: `portone_mirror_${run}`, provider: "portone", memberId: member.id, status: "active" },
      ]);
      const calls: string[] = [];
      const note = (kind: string) => async (id: string) => void calls.push(`${kind}:${id}`);
      const { cancelled } = await cancelMemberSubscriptions(t.db, member.id, {
        stripe: note("stripe"),
        demo: note("demo"),
        portone: note("portone"),
        stripeCustomer: note("customer"),
      });
      expect(calls).toEqual([expect.stringMatching(/^demo:sub_demo/)]);
      expect(cancelled).toHaveLength(1);
    });

    it("deletes nothing while the Stripe customer cannot be erased; a demo checkout's customer is not Stripe's", async () => {
      const member = await ensureMember(t.db, addr("customer"));
      await t.db
        .update(members)
        .set({ stripeCustomerId: `cus_keep_${run}` })
        .where(eq(members.id, member.id));
      const asked: string[] = [];
      const none = async () => undefined;
      const down = async (id: string) => {
        asked.push(id);
        throw new Error("stripe down");
      };
      const withCustomer = (await getMemberById(t.db, member.id))!;
      await expect(deleteMemberAccount(t.db, withCustomer, { stripe: none, demo: none, portone: none, stripeCustomer: down }, now, pub)).rejects.toMatchObject({
        code: "unavailable:subscription",
      });
      expect(asked).toEqual([`cus_keep_${run}`]);
      expect((await getMemberById(t.db, member.id))?.deletedAt).toBeNull();

      await t.db
        .update(members)
        .set({ stripeCustomerId: `cus_demo_${run}` })
        .where(eq(members.id, member.id));
      const demo = (await getMemberById(t.db, member.id))!;
      await expect(deleteMemberAccount(t.db, demo, { stripe: none, demo: none, portone: none, stripeCustomer: down }, now, pub)).resolves.toMatchObject({
        endedGrants: 0,
      });
      expect(asked).toHaveLength(1);
    });

    it("deletes nothing when a subscription cannot be cancelled", async () => {
      const member = await ensureMember(t.db, addr("stuck"));
      await t.db.insert(stripeSubscriptions).values({ id: `sub_stuck_${run}`, provider: "stripe", memberId: member.id, status: "active" });
      const fail = async () => {
        throw new Error("provider down");
      };
      await expect(deleteMemberAccount(t.db, member, { stripe: fail, demo: fail, portone: fail, stripeCustomer: fail }, now, pub)).rejects.toMatchObject({
        code: "unavailable:subscription",
      });
      expect((await getMemberById(t.db, member.id))?.deletedAt).toBeNull();
    });
  });
});
