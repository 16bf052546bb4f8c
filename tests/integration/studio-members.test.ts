import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDeliveriesOf } from "@/db/queries/email";
import { ensureMember, getMemberByEmail } from "@/db/queries/members";
import { getPublicationMember } from "@/db/queries/publication-members";
import { countMembersFiltered, listMembersFiltered } from "@/db/queries/studio-members";
import { requirePrimaryPublication, seedDemo } from "@/db/seed/seed";
import { AppError } from "@/lib/http/errors";
import { clearProcessSlot, setProcessSlot } from "@/lib/process-state";
import { consumeLimit, limitRules } from "@/lib/rate-limit";
import { addMemberWithInvitation } from "@/lib/studio/add-member";
import { cliActor } from "@/lib/studio/audit";
import type { StudioActor } from "@/lib/studio/guard";
import { loadMemberTiers, memberFilterOf } from "@/lib/studio/member-list";
import { exportMembersCsv } from "@/lib/studio/members-export";
import { databaseKinds, openTestDatabase, type TestDatabase } from "./helpers/databases";

const now = new Date("2026-12-06T05:00:00Z");
const count = (view: Awaited<ReturnType<typeof loadMemberTiers>>, slug: string) => view.counts.find((c) => c.slug === slug)?.count ?? -1;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const c of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(c);
  return new Uint8Array(Buffer.concat(chunks));
}

describe.each(databaseKinds())("studio members on %s", (kind) => {
  let t: TestDatabase;
  let actor: StudioActor;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await seedDemo(t.db, now);
    const pub = await requirePrimaryPublication(t.db);
    actor = { ...cliActor("test-editor", pub), publicationId: pub };
    // The invitation limit counts in this database's rate_limits table (the limiter's store).
    setProcessSlot("db", Promise.resolve({ db: t.db, kind: t.kind, close: async () => undefined, listen: async () => async () => undefined }));
  });
  afterAll(async () => {
    clearProcessSlot("db");
    await t?.close();
  });

  it("adds a member with a time-limited grant, joins them to the publication and queues one invitation", async () => {
    const before = await loadMemberTiers(t.db, actor.publicationId, now);
    const member = await addMemberWithInvitation(t.db, actor, { email: " New.Person@Example.com ", tierSlug: "premium", preset: "30d", note: "partner" }, now);
    expect(member.email).toBe("new.person@example.com");
    const after = await loadMemberTiers(t.db, actor.publicationId, now);
    expect(count(after, "premium")).toBe(count(before, "premium") + 1);
    expect(count(after, "free")).toBe(count(before, "free"));
    expect(after.paid.get(member.id)).toBe("premium");
    const [mail] = await listDeliveriesOf(t.db, { memberId: member.id, kind: "invitation" });
    expect(mail).toMatchObject({ email: "new.person@example.com", status: "queued" });
    expect(mail.payload).toMatchObject({ tierName: { ko: expect.any(String), en: "Premium" }, endsAt: "2027-01-05T05:00:00.000Z" });
    expect((await getPublicationMember(t.db, actor.publicationId, member.id))?.welcomedAt).not.toBeNull();
  });

  it("an invitation without a grant counts the member as free; an existing address or unpaid tier is refused", async () => {
    const before = await loadMemberTiers(t.db, actor.publicationId, now);
    await addMemberWithInvitation(t.db, actor, { email: "free.invite@example.com", tierSlug: null, preset: "30d", note: null }, now);
    expect(count(await loadMemberTiers(t.db, actor.publicationId, now), "free")).toBe(count(before, "free") + 1);
    await expect(
      addMemberWithInvitation(t.db, actor, { email: "FREE.invite@example.com", tierSlug: null, preset: "30d", note: null }, now),
    ).rejects.toMatchObject({ code: "conflict:email" });
    const err = await addMemberWithInvitation(t.db, actor, { email: "x-free@example.com", tierSlug: "free", preset: "30d", note: null }, now).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(await getMemberByEmail(t.db, "x-free@example.com")).toBeNull();
  });

  it("refuses an inviter's invitations past the hourly limit, before anything is written; other inviters go on", async () => {
    const editor = await ensureMember(t.db, "busy.editor@example.com");
    const busy = { ...actor, memberId: editor.id, label: "busy.editor@example.com" };
    const rule = limitRules().invitation;
    expect(rule).toEqual({ name: "invitation", limit: 100, windowSeconds: 3600 });
    for (let i = 0; i < rule.limit; i++) expect((await consumeLimit(rule, String(editor.id), now)).ok).toBe(true);
    const input = { email: "one.too.many@example.com", tierSlug: "premium", preset: "30d", note: null } as const;
    const err = await addMemberWithInvitation(t.db, busy, input, now).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "rate_limited:email", status: 429 });
    expect((err as Error).message).toMatch(/60분 뒤에/);
    expect(await getMemberByEmail(t.db, "one.too.many@example.com")).toBeNull();
    // An existing address is refused as such, and costs no slot.
    await expect(addMemberWithInvitation(t.db, busy, { ...input, email: "busy.editor@example.com" }, now)).rejects.toMatchObject({ code: "conflict:email" });
    const later = new Date(now.getTime() + 3600_000);
    expect((await addMemberWithInvitation(t.db, busy, input, later)).email).toBe("one.too.many@example.com");
    expect((await addMemberWithInvitation(t.db, actor, { ...input, email: "other.inviter@example.com" }, now)).email).toBe("other.inviter@example.com");
  });

  it("filters the list by tier and search", async () => {
    const view = await loadMemberTiers(t.db, actor.publicationId, now);
    const premium = await listMembersFiltered(t.db, memberFilterOf(view, "", "premium"), 1000);
    expect(premium.map((m) => m.email)).toContain("new.person@example.com");
    expect(premium.every((m) => view.paid.get(m.id) === "premium")).toBe(true);
    expect(await countMembersFiltered(t.db, memberFilterOf(view, "", "premium"))).toBe(count(view, "premium"));
    expect(await countMembersFiltered(t.db, memberFilterOf(view, "", "free"))).toBe(count(view, "free"));
    const free = await listMembersFiltered(t.db, memberFilterOf(view, "invite", "free"));
    expect(free.map((m) => m.email)).toEqual(["free.invite@example.com"]);
    // An unknown tier filters nothing.
    expect(await countMembersFiltered(t.db, memberFilterOf(view, "", "nope"))).toBe(view.counts.reduce((n, c) => n + c.count, 0));
  });

  it("exports CSV with a BOM, the tier of each member, and formulas defused", async () => {
    await addMemberWithInvitation(t.db, actor, { email: "csv@example.com", tierSlug: "supporter", preset: "7d", note: null }, now);
    await t.db.execute(`update members set name = '=HYPERLINK("http://evil")' where email = 'csv@example.com'` as never);
    const bytes = await readAll(await exportMembersCsv(t.db, actor, { q: "example.com", tier: "" }, "Asia/Seoul", now));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("email,name,role,tier,joined_at");
    const csvLine = lines.find((l) => l.startsWith("csv@example.com"));
    expect(csvLine).toMatch(/^csv@example\.com,"'=HYPERLINK\(""http:\/\/evil""\)",reader,supporter,\d{4}-\d\d-\d\d \d\d:\d\d KST$/);
    expect(lines.find((l) => l.startsWith("free.invite@example.com"))).toContain(",free,");
    const onlySupporters = new TextDecoder().decode(await readAll(await exportMembersCsv(t.db, actor, { q: "", tier: "supporter" }, "Asia/Seoul", now)));
    expect(onlySupporters).toContain("csv@example.com");
    expect(onlySupporters).not.toContain("free.invite@example.com");
  });
});
