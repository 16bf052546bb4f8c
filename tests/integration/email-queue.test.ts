// The email queue (issue 17): a newsletter send through real SMTP (a local smtp-server) on real
// PGlite and PostgreSQL — each recipient exactly once and in the copy the web's access rule gives
// them, with several workers, a crashed worker's rows, bounces, temporary failures, SMTP down,
// unsubscribes and the notices' dedupe keys.
import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimDeliveries, expandDueSends, getNewsletterSend, listDeliveriesOf, listSendProgress, markSent } from "@/db/queries/email";
import { ensureMember, insertGrant } from "@/db/queries/members";
import { getPublicationMember, joinPublication, setMailPreferences } from "@/db/queries/publication-members";
import { requirePrimaryPublication, seedDemo } from "@/db/seed/seed";
import { devOutbox, emailDeliveries, emailSuppressions } from "@/db/schema";
import { queueAccountMovedNotices } from "@/lib/email/account-moved";
import { queueEndingNotices } from "@/lib/email/ending-sweep";
import { noteSignIn } from "@/lib/email/join";
import { SmtpPool, SmtpUnavailable } from "@/lib/email/smtp";
import { EmailWorker, outboxTransport, smtpTransport } from "@/lib/email/worker";
import { cliActor } from "@/lib/studio/audit";
import { createPiece } from "@/lib/studio/pieces";
import { databaseKinds, openTestDatabase, type TestDatabase } from "./helpers/databases";

process.env.AUTH_SECRET ??= "email-queue-test-secret-0123456789";
const GATED = "NEWSLETTER-GATED-4c1d";

type Received = { to: string; subject: string; html: string; header: (name: string) => string | undefined };

// A local SMTP server: stores what it accepts; `refuse` answers RCPT TO for chosen addresses.
async function startCatcher(refuse: Map<string, { code: number; message: string }> = new Map()) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const r = refuse.get(address.address.toLowerCase());
      if (!r) return callback();
      callback(Object.assign(new Error(r.message), { responseCode: r.code }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        // Raw header lines: mailparser turns List-* headers into objects.
        const header = (name: string) =>
          mail.headerLines
            .find((h) => h.key === name)
            ?.line.replace(/^[^:]+:\s*/, "")
            .replace(/\r?\n\s+/g, " ");
        received.push({ to: session.envelope.rcptTo[0].address.toLowerCase(), subject: mail.subject ?? "", html: mail.html || "", header });
        callback();
      }, callback);
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const countBy = (list: string[]) => list.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());

describe.each(databaseKinds())("the email queue on %s", (kind) => {
  let t: TestDatabase;
  let pub = 0;
  const premium: string[] = [];
  const free: string[] = [];
  const run = Date.now().toString(36);

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await seedDemo(t.db, new Date());
    pub = await requirePrimaryPublication(t.db);
    // Only this file's members receive the sends below: the demo accounts unsubscribe.
    await t.db.update(emailDeliveries).set({ status: "sent" });
    for (const m of await t.db.query.publicationMembers.findMany()) await setMailPreferences(t.db, m.publicationId, m.memberId, { newsletter: false });
    for (let i = 0; i < 24; i++) {
      const email = `nl-${run}-${i}@example.com`;
      const member = await ensureMember(t.db, email);
      if (i % 3 === 0) {
        await insertGrant(t.db, {
          memberId: member.id,
          publicationId: pub,
          tierSlug: "premium",
          startsAt: new Date(Date.now() - 86_400_000),
          endsAt: null,
          source: "comp",
        });
        premium.push(email);
      } else {
        await joinPublication(t.db, { publicationId: pub, memberId: member.id, source: "signin", welcomed: true });
        free.push(email);
      }
    }
  });
  afterAll(async () => t?.close());
  beforeEach(async () => {
    // Each test starts from an empty queue.
    await t.db.delete(emailDeliveries);
  });

  async function sendPiece(label: string) {
    const body = `누구나 읽는 첫 문단.\n\n<!-- paywall -->\n\n${GATED} 프리미엄만.`;
    const { article } = await createPiece(t.db, cliActor("test", pub), {
      title: `뉴스레터 ${label} ${run}`,
      body,
      access: "premium",
      status: "published",
      newsletter: true,
    });
    return article;
  }

  // Every transport a test opens, closed after it (the catcher waits for open connections).
  const transports: ReturnType<typeof smtpTransport>[] = [];
  const transport = (url: string, connections: number) => {
    const made = smtpTransport(t.db, url, connections);
    transports.push(made);
    return made;
  };
  afterEach(async () => {
    for (const made of transports.splice(0)) await made.close();
  });

  async function drain(workers: EmailWorker[]) {
    for (let pass = 0; pass < 50; pass++) {
      const done = await Promise.all(workers.map((w) => w.runOnce()));
      if (done.every((n) => n === 0)) return;
    }
    throw new Error("the queue did not drain");
  }

  it("sends a live piece once to each subscriber, full text to premium and the teaser to the rest, with one-click unsubscribe", async () => {
    const smtp = await startCatcher();
    try {
      const article = await sendPiece("a");
      const worker = new EmailWorker({ db: t.db, transport: transport(smtp.url, 3), connections: 3, domainRate: 0, log: () => {} });
      await drain([worker]);
      const counts = countBy(smtp.received.map((m) => m.to));
      expect([...counts.keys()].sort()).toEqual([...premium, ...free].sort());
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      for (const m of smtp.received) {
        expect(m.html.includes(GATED), m.to).toBe(premium.includes(m.to));
        expect(m.header("list-unsubscribe")).toMatch(/^<https?:\/\/[^>]+\/email\/unsubscribe\/\d+\.\d+\.[A-Za-z0-9_-]{22}>$/);
        expect(m.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
      }
      const send = await getNewsletterSend(t.db, article.id);
      expect(send).toMatchObject({ status: "done", recipients: premium.length + free.length });
      const [progress] = (await listSendProgress(t.db, pub)).filter((s) => s.articleId === article.id);
      expect(progress.counts).toMatchObject({ sent: premium.length + free.length, queued: 0, sending: 0, failed: 0 });
      // Saving the piece again with the box ticked sends nothing more.
      await createPiece(t.db, cliActor("test", pub), { title: `다른 ${run}`, body: "x", access: "public", status: "draft" });
      await drain([worker]);
      expect(smtp.received).toHaveLength(premium.length + free.length);
    } finally {
      for (const made of transports.splice(0)) await made.close();
      await smtp.close();
    }
  });

  it("several workers, and a worker that died holding rows: still each recipient exactly once", async () => {
    const smtp = await startCatcher();
    try {
      await sendPiece("b");
      const worker = () => new EmailWorker({ db: t.db, transport: transport(smtp.url, 2), connections: 2, domainRate: 0, batchSize: 5, log: () => {} });
      const [a, b] = [worker(), worker()];
      // Expand the send, then a "dead" worker claims some rows and never finishes them.
      await expandDueSends(t.db, new Date());
      const dead = await claimDeliveries(t.db, "dead-worker", new Date(), -1, 6);
      expect(dead).toHaveLength(6);
      await drain([a, b, worker()]);
      const counts = countBy(smtp.received.map((m) => m.to));
      expect(counts.size).toBe(premium.length + free.length);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      // The dead worker's late commit is refused: the row belongs to whoever sent it.
      expect(await markSent(t.db, dead[0].id, "dead-worker", new Date(), null)).toBe(false);
    } finally {
      for (const made of transports.splice(0)) await made.close();
      await smtp.close();
    }
  });

  it("the message is only accepted after the row is committed as sent", async () => {
    const smtp = await startCatcher();
    const pool = new SmtpPool(smtp.url, 1);
    try {
      expect(await pool.send("a@example.com", "x@example.com", Buffer.from("Subject: no\r\n\r\nbody\r\n"), async () => false)).toEqual({ kind: "abandoned" });
      expect(
        await pool.send("a@example.com", "x@example.com", Buffer.from("Subject: no\r\n\r\nbody\r\n"), async () => {
          throw new Error("db down");
        }),
      ).toEqual({ kind: "abandoned" });
      await new Promise((r) => setTimeout(r, 100));
      expect(smtp.received).toHaveLength(0);
      expect(await pool.send("a@example.com", "y@example.com", Buffer.from("Subject: yes\r\n\r\nbody\r\n"), async () => true)).toEqual({ kind: "sent" });
      expect(smtp.received.map((m) => m.to)).toEqual(["y@example.com"]);
    } finally {
      await pool.close();
      await smtp.close();
    }
  });

  it("a hard bounce fails the row and suppresses the address; a 4xx is retried later; SMTP down keeps everything queued", async () => {
    const bounce = free[0];
    const later = free[1];
    const smtp = await startCatcher(
      new Map([
        [bounce, { code: 550, message: "no such user" }],
        [later, { code: 451, message: "greylisted" }],
      ]),
    );
    try {
      await sendPiece("c");
      const worker = new EmailWorker({ db: t.db, transport: transport(smtp.url, 2), connections: 2, domainRate: 0, log: () => {} });
      await drain([worker]);
      const rows = await listDeliveriesOf(t.db, { kind: "newsletter" }, 500);
      expect(rows.find((r) => r.email === bounce)).toMatchObject({ status: "failed" });
      expect(await t.db.select().from(emailSuppressions).where(eq(emailSuppressions.email, bounce))).toHaveLength(1);
      const greylisted = rows.find((r) => r.email === later)!;
      expect(greylisted).toMatchObject({ status: "queued", attempts: 1 });
      expect(greylisted.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
      expect(smtp.received.some((m) => m.to === bounce || m.to === later)).toBe(false);
    } finally {
      for (const made of transports.splice(0)) await made.close();
      await smtp.close();
    }
    // The next send skips the suppressed address without trying it.
    await t.db.delete(emailDeliveries);
    const down = new EmailWorker({ db: t.db, transport: transport("smtp://127.0.0.1:9", 2), connections: 2, domainRate: 0, log: () => {} });
    await sendPiece("d");
    await expect(down.runOnce()).rejects.toBeInstanceOf(SmtpUnavailable);
    const rows = await listDeliveriesOf(t.db, { kind: "newsletter" }, 500);
    expect(rows.find((r) => r.email === bounce)?.status).toBe("suppressed");
    expect(rows.filter((r) => r.email !== bounce).every((r) => r.status === "queued" && r.attempts === 0)).toBe(true);
  });

  it("an unsubscribe after the send was queued is honoured; the welcome notice goes once; the ending notice once", async () => {
    const smtp = await startCatcher();
    try {
      await sendPiece("e");
      const quitter = free[2];
      const worker = new EmailWorker({ db: t.db, transport: transport(smtp.url, 1), connections: 1, domainRate: 0, log: () => {} });
      await expandDueSends(t.db, new Date());
      const member = await ensureMember(t.db, quitter);
      await setMailPreferences(t.db, pub, member.id, { newsletter: false });
      await drain([worker]);
      expect(smtp.received.some((m) => m.to === quitter)).toBe(false);
      expect((await listDeliveriesOf(t.db, { memberId: member.id })).map((r) => r.status)).toEqual(["suppressed"]);

      const newcomer = await ensureMember(t.db, `welcome-${run}@example.com`);
      await noteSignIn(t.db, pub, newcomer);
      await noteSignIn(t.db, pub, newcomer);
      expect((await getPublicationMember(t.db, pub, newcomer.id))?.newsletter).toBe(true);
      const ending = await ensureMember(t.db, `ending-${run}@example.com`);
      await insertGrant(t.db, {
        memberId: ending.id,
        publicationId: pub,
        tierSlug: "premium",
        startsAt: new Date(Date.now() - 86_400_000),
        endsAt: new Date(Date.now() + 2 * 86_400_000),
        source: "comp",
      });
      expect(await queueEndingNotices(t.db, new Date())).toBeGreaterThanOrEqual(1);
      expect(await queueEndingNotices(t.db, new Date())).toBe(0);
      smtp.received.length = 0;
      await drain([worker]);
      expect(smtp.received.filter((m) => m.to === newcomer.email).map((m) => m.subject)).toEqual([expect.stringContaining("환영")]);
      expect(smtp.received.filter((m) => m.to === ending.email).map((m) => m.subject)).toEqual([expect.stringMatching(/이용 권한이 .+에 끝납니다/)]);
    } finally {
      for (const made of transports.splice(0)) await made.close();
      await smtp.close();
    }
  });

  it("without EMAIL_SERVER every message lands in the dev outbox, once", async () => {
    const title = `발신함 ${run}`;
    await createPiece(t.db, cliActor("test", pub), { title, body: "공개 본문", access: "public", status: "published", newsletter: true });
    const worker = new EmailWorker({ db: t.db, transport: outboxTransport(t.db), connections: 2, domainRate: 0, log: () => {} });
    await drain([worker, worker]);
    const got = (await t.db.select().from(devOutbox).where(eq(devOutbox.subject, title))).map((r) => r.to);
    // Earlier tests suppressed free[0] (a bounce) and unsubscribed free[2].
    const expected = [...premium, ...free].filter((e) => e !== free[0] && e !== free[2]);
    expect(got.filter((e, i) => got.indexOf(e) !== i)).toEqual([]);
    expect(got).toEqual(expect.arrayContaining(expected));
    expect(got).not.toContain(free[0]);
    expect(got).not.toContain(free[2]);
    const statuses = new Map((await listDeliveriesOf(t.db, { kind: "newsletter" }, 500)).map((r) => [r.email, r.status]));
    // The suppressed address has a row saying so; the unsubscribed member has none at all.
    expect([...statuses].filter(([, st]) => st !== "sent")).toEqual([[free[0], "suppressed"]]);
    expect(statuses.has(free[2])).toBe(false);
  });

  it("imported members hear nothing until the publisher sends the account-moved notice, once", async () => {
    const moved = await ensureMember(t.db, `imported-${run}@example.com`);
    await joinPublication(t.db, { publicationId: pub, memberId: moved.id, source: "import", newsletter: false, welcomed: true });
    await insertGrant(t.db, {
      memberId: moved.id,
      publicationId: pub,
      tierSlug: "premium",
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() + 86_400_000),
      source: "import",
      sourceRef: `csv:${pub}:${moved.email}:premium`,
    });
    await queueEndingNotices(t.db, new Date());
    expect(await listDeliveriesOf(t.db, { memberId: moved.id })).toEqual([]);
    const first = await queueAccountMovedNotices(t.db, cliActor("test", pub), pub);
    expect(first.queued).toBeGreaterThanOrEqual(1);
    expect((await queueAccountMovedNotices(t.db, cliActor("test", pub), pub)).queued).toBe(0);
    await queueEndingNotices(t.db, new Date());
    expect((await listDeliveriesOf(t.db, { memberId: moved.id })).map((r) => r.kind).sort()).toEqual(["account_moved", "grant_ending"]);
  });
});
