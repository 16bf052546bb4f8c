import fs from "node:fs";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getMemberByEmail, listGrants } from "@/db/queries/members";
import { getPublicationMember, setMailPreferences } from "@/db/queries/publication-members";
import { getPublicationBySlug } from "@/db/queries/publications";
import { listTiers } from "@/db/queries/taxonomy";
import { auditLog, emailDeliveries, grants, members, publicationMembers } from "@/db/schema";
import { resolveEffectiveAccess } from "@/lib/access";
import { forgetEpochs, knownEpoch } from "@/lib/auth/epochs";
import { importMembers, type ByteSource, type MemberImportOptions } from "@/lib/import/members/importer";
import type { MemberImportReport } from "@/lib/import/members/report";
import { memberImportCommands } from "@/lib/import/members/cli";
import { importedAccountsForNotice } from "@/lib/import/members/notice";
import { cliActor, type Actor } from "@/lib/studio/audit";
import { parseArgs, UsageError } from "@/lib/studio/cli/args";
import { databaseKinds, type TestDatabase } from "./helpers/databases";
import { openDemoStudio } from "./helpers/suites";
import { subscriptionHistory } from "./helpers/stripe-history";
import { deliver, stripeGrantsOf } from "./helpers/stripe-webhook";

const NOW = new Date("2026-11-28T00:00:00Z");
const DIR = "tests/fixtures/member-import";
// Small reads: records and characters split across chunks on the way.
const file =
  (name: string): ByteSource =>
  () =>
    fs.createReadStream(`${DIR}/${name}`, { highWaterMark: 37 });
const text = (body: string): ByteSource =>
  async function* () {
    yield Buffer.from(body, "utf8");
  };
const PMPRO_MAP = { Gold: "premium", Silver: "supporter", Lifetime: "premium" };
const SUBSTACK_MAP = { paid: "supporter", founding: "premium", comp: "premium", gift: "supporter" };

// What the dry run promises and the real run did: the same, but for the two flags.
const outcome = (r: MemberImportReport) => ({ ...r, dryRun: undefined, applied: undefined });

describe.each(databaseKinds())("member import on %s", (kind) => {
  let t: TestDatabase, pub: number, actor: Actor;
  beforeAll(async () => {
    ({ t, pub, actor } = await openDemoStudio(kind, NOW));
    forgetEpochs();
  });
  afterAll(async () => t?.close());

  const run = (source: ByteSource, opts: MemberImportOptions, who: Actor = actor) => importMembers(t.db, who, source, { now: NOW, ...opts });
  const rows = async (db: Db) => {
    const n = async (table: typeof members | typeof grants | typeof publicationMembers | typeof auditLog | typeof emailDeliveries) =>
      (await db.select({ n: count() }).from(table))[0].n;
    return {
      members: await n(members),
      grants: await n(grants),
      accounts: await n(publicationMembers),
      audit: await n(auditLog),
      mail: await n(emailDeliveries),
    };
  };
  const member = async (email: string) => (await getMemberByEmail(t.db, email))!;
  const importGrants = async (email: string, publicationId = pub) =>
    (await listGrants(t.db, (await member(email)).id)).filter((g) => g.publicationId === publicationId && g.source === "import");
  const tierAt = async (email: string, at: Date, publicationId = pub) => {
    const tiers = await listTiers(t.db, publicationId);
    const own = (await listGrants(t.db, (await member(email)).id)).filter((g) => g.publicationId === publicationId);
    return resolveEffectiveAccess({ grants: own, tiers, now: at, signedIn: true }).tier.slug;
  };

  it("PMPro: the dry run writes nothing and equals the import; expired members keep history; re-importing changes nothing", async () => {
    const before = await rows(t.db);
    const readerEpoch = (await member("reader@masthead.local")).accessEpoch;
    const dry = await run(file("pmpro-members.csv"), { format: "pmpro", map: PMPRO_MAP, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, applied: false, errors: 0, rows: 9 });
    expect(await rows(t.db)).toEqual(before);

    const real = await run(file("pmpro-members.csv"), { format: "pmpro", map: PMPRO_MAP });
    expect(real.applied).toBe(true);
    expect(outcome(real)).toEqual(outcome(dry));
    expect(real.members).toEqual({ created: 4, updated: 0, unchanged: 3 });
    expect(real.grants).toEqual({ created: 5, history: 2, updated: 0, unchanged: 0, covered: 1, kept: 0 });
    expect(real.skipped).toBe(1);
    expect(real.issues).toEqual([expect.objectContaining({ line: 7, kind: "duplicate" })]);
    expect(real.levels).toEqual([
      { level: "Gold", rows: 5, target: "premium" },
      { level: "Silver", rows: 3, target: "supporter" },
      { level: "Lifetime", rows: 1, target: "premium" },
    ]);

    // A renewing member has paid through next_payment_date: to the end of that day in Seoul.
    const minsu = await member("minsu.kim@example.com");
    expect(minsu.name).toBe("김민수");
    const [g] = await importGrants("minsu.kim@example.com");
    expect(g).toMatchObject({ tierSlug: "premium", source: "import", startsAt: new Date("2024-01-04T15:00:00Z"), endsAt: new Date("2026-12-15T15:00:00Z") });
    expect(g.note).toContain("PMPro 가져오기, 2행");
    expect(g.sourceRef).toBe(`pmpro:${pub}:minsu.kim@example.com:#2`);
    // Expired: a free member whose ended grant is the history.
    expect(await tierAt("jiyoung@example.com", NOW)).toBe("free");
    expect((await importGrants("jiyoung@example.com"))[0]).toMatchObject({ endsAt: new Date("2025-06-30T15:00:00Z") });
    expect((await importGrants("jiyoung@example.com"))[0].note).toContain("expired before the import");
    // Lifetime level: no end. Two levels of one member: two grants.
    expect((await importGrants("jane@example.com"))[0].endsAt).toBeNull();
    expect((await importGrants("seoyeon@example.com")).map((x) => x.tierSlug).sort()).toEqual(["premium", "supporter"]);
    expect(await tierAt("seoyeon@example.com", new Date("2027-01-15T00:00:00Z"))).toBe("supporter");
    // Already premium for longer: nothing to add, nothing lowered.
    expect(await importGrants("premium@masthead.local")).toEqual([]);
    expect(await tierAt("premium@masthead.local", NOW)).toBe("premium");
    // An existing member's sessions re-mint: the epoch moved, here and for every instance.
    const reader = await member("reader@masthead.local");
    expect(reader.accessEpoch).toBe(readerEpoch + 1);
    expect(knownEpoch(reader.id)).toBe(reader.accessEpoch);
    expect(await tierAt("reader@masthead.local", NOW)).toBe("premium");
    // Accounts made as welcomed, without the newsletter (PMPro says nothing about consent); no mail queued.
    expect(await getPublicationMember(t.db, pub, minsu.id)).toMatchObject({ source: "import", newsletter: false });
    expect((await getPublicationMember(t.db, pub, minsu.id))?.welcomedAt).not.toBeNull();
    expect((await rows(t.db)).mail).toBe(before.mail);

    const after = await rows(t.db);
    const again = await run(file("pmpro-members.csv"), { format: "pmpro", map: PMPRO_MAP });
    expect(again.members).toEqual({ created: 0, updated: 0, unchanged: 7 });
    expect(again.grants).toEqual({ created: 0, history: 0, updated: 0, unchanged: 7, covered: 1, kept: 0 });
    // Only the run's own audit entry is new.
    expect(await rows(t.db)).toEqual({ ...after, audit: after.audit + 1 });
  });

  it("PMPro before 2.0: m/d/Y dates, Never, fee and term", async () => {
    const r = await run(file("pmpro-legacy.csv"), { format: "pmpro", map: { Gold: "premium", Silver: "supporter" } });
    expect(r).toMatchObject({ errors: 0, grants: { created: 1, history: 1 } });
    expect((await importGrants("oldtimer@example.com"))[0]).toMatchObject({ endsAt: null, startsAt: new Date("2019-03-14T15:00:00Z") });
    expect((await importGrants("lapsed.old@example.com"))[0].endsAt).toEqual(new Date("2020-02-29T15:00:00Z"));
  });

  it("Ghost: comps keep their tier, paying members need --paid-until; Stripe customers are kept and a later subscription joins the member", async () => {
    const before = await rows(t.db);
    const refused = await run(file("ghost-members.csv"), { format: "ghost" });
    expect(refused).toMatchObject({ applied: false, errors: 2 });
    expect(refused.issues.filter((i) => i.kind === "missing_end").map((i) => i.line)).toEqual([3, 8]);
    expect(await rows(t.db)).toEqual(before);

    const r = await run(file("ghost-members.csv"), { format: "ghost", paidUntil: "2026-12-31" });
    expect(r).toMatchObject({ applied: true, errors: 0, rows: 6, skipped: 1, stripeCustomers: 1 });
    // "Premium" and "Supporter" are the tiers' English names: no mapping needed.
    expect(r.levels.map((l) => [l.level, l.target])).toEqual([
      ["Supporter", "supporter"],
      ["Premium", "premium"],
      ["(free)", "free"],
    ]);
    const hana = await member("hana@example.com");
    expect(hana.name).toBe("한하나");
    expect((await importGrants("hana@example.com"))[0]).toMatchObject({ tierSlug: "premium", endsAt: null });
    expect((await importGrants("hana@example.com"))[0].note).toContain("labels: VIP,early");
    expect(await getPublicationMember(t.db, pub, hana.id)).toMatchObject({ newsletter: true });
    expect(await getPublicationMember(t.db, pub, (await member("free@example.com")).id)).toMatchObject({ newsletter: false });
    expect(await getMemberByEmail(t.db, "gone@example.com")).toBeNull();
    expect((await importGrants("multi@example.com")).map((g) => g.tierSlug).sort()).toEqual(["premium", "supporter"]);
    const paid = await member("paid@example.com");
    expect(paid.stripeCustomerId).toBe("cus_Ghost001");
    expect((await importGrants("paid@example.com"))[0].endsAt).toEqual(new Date("2026-12-31T15:00:00Z"));
    // The second row naming the same Stripe customer does not take it.
    expect((await member("second-owner@example.com")).stripeCustomerId).toBeNull();
    expect(r.issues).toContainEqual(expect.objectContaining({ line: 8, kind: "stripe_conflict" }));

    // Stripe's next event for that customer (no member id, another email) joins the imported member.
    const h = subscriptionHistory({ ns: "Ghost001", memberId: 0, email: "someone-else@example.com", withMetadata: false, lookupKey: "supporter_monthly" });
    expect((await deliver(t.db, h.created)).status).toBe(200);
    expect(await stripeGrantsOf(t.db, paid.id)).toHaveLength(1);
    expect(await getMemberByEmail(t.db, "someone-else@example.com")).toBeNull();
  });

  it("Substack: subscribers and signups exports; comps, gifts, expiry instants, deletion requests", async () => {
    const r = await run(file("substack-subscribers.csv"), { format: "substack", map: SUBSTACK_MAP });
    expect(r).toMatchObject({ errors: 0, rows: 7, skipped: 1, grants: { created: 4, history: 1 }, stripeCustomers: 3 });
    expect((await importGrants("subscriber1@example.com"))[0]).toMatchObject({ tierSlug: "supporter", endsAt: new Date("2027-02-01T10:20:44Z") });
    expect(await tierAt("lapsed@example.com", NOW)).toBe("free");
    expect((await member("lapsed@example.com")).stripeCustomerId).toBe("cus_Sub002");
    expect((await importGrants("founder@example.com"))[0].tierSlug).toBe("premium");
    expect(await getPublicationMember(t.db, pub, (await member("comp@example.com")).id)).toMatchObject({ newsletter: false });
    expect(await getMemberByEmail(t.db, "abc123@deletion-request.substack.com")).toBeNull();

    const signups = await run(file("substack-signups.csv"), { format: "substack", map: SUBSTACK_MAP });
    expect(signups).toMatchObject({ errors: 0, members: { created: 3 }, grants: { created: 1 } });
    expect(await getPublicationMember(t.db, pub, (await member("signup-quiet@example.com")).id)).toMatchObject({ newsletter: false });
  });

  it("generic CSV: Korean names, lifetime and expired rows; an existing account keeps its newsletter choice; access a member has is never lowered", async () => {
    const reader = await member("reader@masthead.local");
    await setMailPreferences(t.db, pub, reader.id, { newsletter: false });
    const body = fs.readFileSync(`${DIR}/generic.csv`, "utf8") + "reader@masthead.local,,free,,,yes,\n";
    const r = await run(text(body), { format: "csv", newsletterDefault: true });
    expect(r).toMatchObject({ errors: 0, members: { created: 5 }, grants: { created: 3, history: 1, covered: 1 } });
    expect((await member("kim@example.com")).name).toBe("김철수");
    expect((await importGrants("jung@example.com"))[0]).toMatchObject({ tierSlug: "premium", endsAt: null });
    expect(await tierAt("choi@example.com", NOW)).toBe("free");
    // No consent in the row: the import's default (here yes); the member who said no stays unsubscribed.
    expect(await getPublicationMember(t.db, pub, (await member("choi@example.com")).id)).toMatchObject({ newsletter: true });
    expect(await getPublicationMember(t.db, pub, reader.id)).toMatchObject({ newsletter: false });
    // premium@ has premium to 2027-11-28: a supporter grant until 2027-06-30 would change nothing.
    expect(await importGrants("premium@masthead.local")).toEqual([]);
    expect(await tierAt("premium@masthead.local", new Date("2027-06-01T00:00:00Z"))).toBe("premium");
  });

  it("a re-import never lowers an imported grant, extends it when the file says more, and leaves a revoked one revoked", async () => {
    const csv = (end: string) => text(`email,tier,ends_at\nlater@example.com,premium,${end}\n`);
    await run(csv("2027-12-31"), { format: "csv" });
    const shorter = await run(csv("2027-06-30"), { format: "csv" });
    expect(shorter.grants).toMatchObject({ kept: 1, updated: 0 });
    expect(shorter.issues[0]).toMatchObject({ line: 2, kind: "kept_higher" });
    expect((await importGrants("later@example.com"))[0].endsAt).toEqual(new Date("2027-12-31T15:00:00Z"));
    const longer = await run(csv("2028-06-30"), { format: "csv" });
    expect(longer.grants).toMatchObject({ updated: 1 });
    const [g] = await importGrants("later@example.com");
    expect(g.endsAt).toEqual(new Date("2028-06-30T15:00:00Z"));
    await t.db.update(grants).set({ revokedAt: NOW, revokedReason: "refunded" }).where(eq(grants.id, g.id));
    const revoked = await run(csv("2029-06-30"), { format: "csv" });
    expect(revoked.grants).toMatchObject({ kept: 1, created: 0 });
    expect(revoked.issues[0].kind).toBe("kept_revoked");
  });

  it("bad input: every error with its line, nothing written; --skip-invalid imports the rest", async () => {
    const before = await rows(t.db);
    const r = await run(file("generic-bad-rows.csv"), { format: "csv" });
    expect(r.applied).toBe(false);
    expect(r.issues.map((i) => [i.line, i.kind])).toEqual([
      [3, "invalid_email"],
      [4, "invalid_date"],
      [5, "unknown_level"],
      [6, "invalid_value"],
      [7, "invalid_date"],
      [8, "duplicate"],
    ]);
    expect(r.errors).toBe(5);
    expect(await rows(t.db)).toEqual(before);
    // Rows with bad values can be left out; an unmapped level must still be mapped.
    expect((await run(file("generic-bad-rows.csv"), { format: "csv", skipInvalid: true })).errors).toBe(1);
    const skipped = await run(file("generic-bad-rows.csv"), { format: "csv", skipInvalid: true, map: { gold: "premium" } });
    expect(skipped).toMatchObject({ applied: true, errors: 0, skipped: 5, members: { created: 3 } });
    expect((await importGrants("ok3@example.com"))[0].tierSlug).toBe("premium");
    expect(await getMemberByEmail(t.db, "ok2@example.com")).toBeNull();
  });

  it("a broken file stops with its line and writes nothing: malformed CSV, a shifted row, missing columns, CP949", async () => {
    const before = await rows(t.db);
    const malformed = await run(file("generic-malformed.csv"), { format: "csv" });
    expect(malformed.issues).toEqual([expect.objectContaining({ line: 4, kind: "csv" })]);
    const shifted = await run(file("generic-shifted.csv"), { format: "csv" });
    expect(shifted.issues).toEqual([expect.objectContaining({ line: 2, kind: "csv" })]);
    const columns = await run(file("generic.csv"), { format: "pmpro" });
    expect(columns.issues[0]).toMatchObject({ line: 1, kind: "columns" });
    expect(columns.issues[0].message).toContain("membership");
    const cp949 = await run(file("generic-cp949.csv"), { format: "csv" });
    expect(cp949.issues[0]).toMatchObject({ kind: "encoding" });
    expect(cp949.issues[0].message).toContain("CP949");
    for (const r of [malformed, shifted, columns, cp949]) expect(r).toMatchObject({ applied: false, errors: 1 });
    expect(await rows(t.db)).toEqual(before);
  });

  it("a CP949 file imports with encoding cp949; the outcome does not depend on the batch size", async () => {
    const data = (await getPublicationBySlug(t.db, "data"))!;
    const inData = cliActor("test", data.id);
    const dry = await run(file("generic-cp949.csv"), { format: "csv", encoding: "cp949", dryRun: true, map: { supporter: "premium" } }, inData);
    const real = await run(file("generic-cp949.csv"), { format: "csv", encoding: "cp949", batchSize: 2, map: { supporter: "premium" } }, inData);
    expect(outcome(real)).toEqual(outcome(dry));
    expect(real).toMatchObject({ errors: 0, members: { created: 0, unchanged: 6 }, accounts: { created: 6 } });
    expect((await member("kim@example.com")).name).toBe("김철수");
    expect((await importGrants("lee@example.com", data.id))[0].tierSlug).toBe("premium");
    // Grants of the primary are untouched: each publication has its own.
    expect((await importGrants("lee@example.com", pub))[0].tierSlug).toBe("supporter");
    // One row per transaction, resting between them as the CLI does (duty): a member's second
    // level, a duplicate three rows later, the same outcome.
    const map = { Gold: "premium", Silver: "premium", Lifetime: "premium" };
    const pmproDry = await run(file("pmpro-members.csv"), { format: "pmpro", map, dryRun: true }, inData);
    const pmproReal = await run(file("pmpro-members.csv"), { format: "pmpro", map, batchSize: 1, duty: 0.5 }, inData);
    expect(outcome(pmproReal)).toEqual(outcome(pmproDry));
    expect(pmproReal.grants.created).toBeGreaterThan(0);
  });

  it("the accounts an import made are listed for a later 'your account moved' notice", async () => {
    const pages = [];
    for await (const page of importedAccountsForNotice(t.db, pub, 5)) pages.push(...page);
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.map((p) => p.email)).toContain("minsu.kim@example.com");
    expect(pages.map((p) => p.email)).not.toContain("premium@masthead.local");
    const imported = await t.db
      .select({ n: count() })
      .from(publicationMembers)
      .where(and(eq(publicationMembers.publicationId, pub), eq(publicationMembers.source, "import")));
    expect(pages).toHaveLength(imported[0].n);
  });

  it("the CLI: --dry-run prints the report, --map pairs follow the flag, errors end with what to do", async () => {
    const cmd = memberImportCommands["import:members"];
    const lines: string[] = [];
    const cli = (argv: string[]) => cmd.run(t.db, actor, parseArgs(argv), (l) => lines.push(l));
    const before = await rows(t.db);
    await cli([`${DIR}/substack-signups.csv`, "--format", "substack", "--map", "paid=premium", "founding=premium", "--dry-run"]);
    expect(lines[0]).toBe("substack → main: 3 row(s) — dry run: nothing was written");
    expect(lines.join("\n")).toContain("paid (1) → premium");
    expect(await rows(t.db)).toEqual(before);
    await expect(cli([`${DIR}/generic-bad-rows.csv`, "--format", "csv"])).rejects.toThrow(
      /5 error\(s\), nothing was imported: fix the file, map "gold" with --map, or pass --skip-invalid/,
    );
    expect(lines).toContain('  line 3: [invalid_email] "not-an-email" is not an email address members can sign in with');
    await expect(cli([`${DIR}/generic.csv`, "--format", "wordpress"])).rejects.toThrow(UsageError);
    await expect(cli([`${DIR}/generic.csv`, "--format", "csv", "--map", "gold=platinum"])).rejects.toThrow(/"platinum" is not a tier of this publication/);
    await expect(cli([`${DIR}/generic.csv`, "--format", "ghost", "--paid-until", "someday"])).rejects.toThrow(/not a date/);
    await expect(cli([`${DIR}/missing.csv`, "--format", "csv"])).rejects.toThrow(/no such file/);
    for (const bad of ["0", "1.5", "fast"])
      await expect(cli([`${DIR}/generic.csv`, "--format", "csv", "--duty", bad])).rejects.toThrow(/--duty must be a share of the time between 0.05 and 1/);
    expect(await rows(t.db)).toEqual(before);
  });
});
