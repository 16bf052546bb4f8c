import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ensureMember, getMemberById } from "@/db/queries/members";
import { insertPublication, listStaffRoles, setStaffRole } from "@/db/queries/publications";
import { members, stripeSubscriptions } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { deleteMemberAccount } from "@/lib/account/delete-account";
import { databaseKinds, openTestDatabase, type TestDatabase } from "./helpers/databases";

// Deleting an account must not leave the network or a publication without an admin: nobody could
// then change roles there except through the server's CLI.
describe.each(databaseKinds())("the last admin's account deletion on %s", (kind) => {
  let t: TestDatabase;
  const now = new Date("2026-12-01T09:00:00Z");
  const cancelled: string[] = [];
  const cancel = {
    stripe: async (id: string) => void cancelled.push(id),
    demo: async () => undefined,
    portone: async () => undefined,
    stripeCustomer: async () => undefined,
  };
  let seq = 0;
  const newMember = async (role: "reader" | "editor" | "admin" = "reader") => {
    const m = await ensureMember(t.db, `admin-${++seq}@example.com`);
    if (role !== "reader") await t.db.update(members).set({ role }).where(eq(members.id, m.id));
    return (await getMemberById(t.db, m.id))!;
  };
  const newPublication = async () => (await insertPublication(t.db, { slug: `desk-${++seq}`, name: `Desk ${seq}` }, [`desk-${seq}.localhost`])).id;
  /** A new publication with two new members as its admins. */
  const publicationWithTwoAdmins = async () => {
    const pub = await newPublication();
    const admins = [await newMember(), await newMember()];
    for (const m of admins) await setStaffRole(t.db, pub, m.id, "admin");
    return { pub, admins };
  };

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await seedDemo(t.db, now);
  });
  // No network admin to begin with (the demo has one): each test sets up the admins it needs.
  beforeEach(async () => {
    await t.db.update(members).set({ role: "editor" }).where(eq(members.role, "admin"));
  });
  afterAll(async () => t?.close());

  it("refuses a publication's only admin, before cancelling anything, and keeps the account whole", async () => {
    const pub = await newPublication();
    const admin = await newMember();
    await setStaffRole(t.db, pub, admin.id, "admin");
    const editor = await newMember();
    await setStaffRole(t.db, pub, editor.id, "editor");
    await t.db.insert(stripeSubscriptions).values({ id: `sub_last_admin_${kind}`, provider: "stripe", memberId: admin.id, status: "active" });

    await expect(deleteMemberAccount(t.db, admin, cancel, now, pub)).rejects.toMatchObject({ code: "conflict:member" });
    expect(cancelled).toEqual([]);
    expect((await getMemberById(t.db, admin.id))?.deletedAt).toBeNull();
    expect(await listStaffRoles(t.db, admin.id)).toEqual([{ publicationId: pub, role: "admin" }]);
  });

  it("lets a publication admin leave once another admin of it, or a network admin, remains", async () => {
    const {
      pub,
      admins: [first, second],
    } = await publicationWithTwoAdmins();
    await expect(deleteMemberAccount(t.db, first, cancel, now, pub)).resolves.toMatchObject({ endedGrants: 0 });
    // The second is now the only admin of it, so they must stay…
    await expect(deleteMemberAccount(t.db, second, cancel, now, pub)).rejects.toMatchObject({ code: "conflict:member" });
    // …until a network admin exists, who administers every publication.
    const network = await newMember("admin");
    await expect(deleteMemberAccount(t.db, second, cancel, now, pub)).resolves.toMatchObject({ endedGrants: 0 });
    expect((await getMemberById(t.db, second.id))?.deletedAt).toEqual(now);
    expect((await getMemberById(t.db, network.id))?.deletedAt).toBeNull();
  });

  it("refuses the only network admin, and lets one of two leave", async () => {
    const only = await newMember("admin");
    await expect(deleteMemberAccount(t.db, only, cancel, now, null)).rejects.toMatchObject({ code: "conflict:member" });
    const other = await newMember("admin");
    await expect(deleteMemberAccount(t.db, only, cancel, now, null)).resolves.toMatchObject({ endedGrants: 0 });
    // A deleted account counts as no admin: the other one is now the last.
    await expect(deleteMemberAccount(t.db, other, cancel, now, null)).rejects.toMatchObject({ code: "conflict:member" });
  });

  it("does not stand in the way of readers and editors", async () => {
    const pub = await newPublication();
    const editor = await newMember("editor");
    await setStaffRole(t.db, pub, editor.id, "editor");
    await expect(deleteMemberAccount(t.db, editor, cancel, now, pub)).resolves.toMatchObject({ endedGrants: 0 });
    await expect(deleteMemberAccount(t.db, await newMember(), cancel, now, null)).resolves.toMatchObject({ endedGrants: 0 });
  });

  if (kind === "postgres") {
    it("two admins of one publication leaving at once: exactly one succeeds", async () => {
      const { pub, admins } = await publicationWithTwoAdmins();
      const results = await Promise.allSettled(admins.map((admin) => deleteMemberAccount(t.db, admin, cancel, now, pub)));
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ code: "conflict:member" });
    });
  }
});
