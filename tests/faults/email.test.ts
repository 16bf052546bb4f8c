// Issue 17: the server killed with SIGKILL in the middle of a 2,000-recipient newsletter; after a
// restart every recipient has received the piece exactly once — none twice, none missed — through
// a real SMTP server (smtp-server in this process, which keeps only messages that were finished
// with their final dot, like any MTA).
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { ServerHandle } from "@/bench/server";
import { query } from "./db";
import { hit, sleep } from "./http";
import { startFaultServer } from "./server";

const ctx = inject("faults");
const RECIPIENTS = 2_000;
const run = Date.now().toString(36);
const servers: ServerHandle[] = [];
const received: string[] = [];
let smtp: SMTPServer;
let smtpUrl = "";

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        if ((mail.subject ?? "").includes(run)) received.push(session.envelope.rcptTo[0].address.toLowerCase());
        callback();
      }, callback);
    },
  });
  // A killed client resets its connections: that is the point of the test, not an error.
  smtp.on("error", () => {});
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
  // Only this test's members get the newsletter.
  await query(ctx.databaseUrl, "update publication_members set newsletter = false");
  await query(ctx.databaseUrl, `insert into members (email) select 'kill-mail-${run}-' || g || '@example.com' from generate_series(1, ${RECIPIENTS}) g`);
  await query(
    ctx.databaseUrl,
    `insert into publication_members (publication_id, member_id, source, welcomed_at)
     select p.id, m.id, 'seed', now() from members m cross join publications p where p.is_primary and m.email like 'kill-mail-${run}-%'`,
  );
});
afterAll(async () => {
  for (const s of servers) await s.stop();
  await new Promise<void>((r) => smtp.close(() => r()));
});

async function start(name: string): Promise<ServerHandle> {
  // Pacing off: one recipient domain, and the test wants the send under way quickly.
  const s = await startFaultServer(ctx, name, {
    EMAIL_SERVER: smtpUrl,
    EMAIL_FROM: "Masthead <news@masthead.test>",
    EMAIL_DOMAIN_RATE: "0",
    EMAIL_POLL_MS: "200",
  });
  servers.push(s);
  return s;
}

it("SIGKILL during a 2,000-recipient send, restart: every recipient exactly once", async () => {
  const first = await start("kill-newsletter-1");
  const title = `뉴스레터 강제 종료 ${run}`;
  const created = await hit(first.baseUrl, "/api/admin/v1/articles", {
    method: "POST",
    headers: { authorization: `Bearer ${ctx.adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ title, body: "첫 문단.\n\n<!-- paywall -->\n\n유료 문단.", access: "premium", status: "published", newsletter: true }),
  });
  expect(created.status, created.body).toBe(201);
  const { id } = JSON.parse(created.body) as { id: number };

  // Kill once a good part of the send is out, in the middle of a batch (rows are claimed 100 at a
  // time), with messages in flight on every connection.
  const deadline = Date.now() + 120_000;
  while (received.length < 530 && Date.now() < deadline) await sleep(5);
  process.kill(first.pid, "SIGKILL");
  await first.stop();
  const atKill = received.length;
  const killedAt = Date.now();
  const [held] = await query<{ n: string }>(ctx.databaseUrl, "select count(*) as n from email_deliveries where status = 'sending'");
  expect(atKill, "the send was under way when the server was killed").toBeGreaterThan(0);
  expect(atKill, "and not finished").toBeLessThan(RECIPIENTS);

  // A new instance finishes it (rows the dead one held are taken over when their lease expires).
  await start("kill-newsletter-2");
  const doneBy = Date.now() + 180_000;
  for (;;) {
    const [row] = await query<{ status: string }>(ctx.databaseUrl, "select status from newsletter_sends where article_id = $1", [id]);
    if (row?.status === "done" || Date.now() > doneBy) break;
    await sleep(500);
  }
  await sleep(500);
  console.log(
    `[faults] newsletter: ${atKill} of ${RECIPIENTS} received at the kill, ${held.n} rows held by the killed worker; the restarted instance finished ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill`,
  );
  const counts = new Map<string, number>();
  for (const to of received) counts.set(to, (counts.get(to) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1).map(([to]) => to);
  expect(twice, "nobody received it twice").toEqual([]);
  expect(counts.size, `everyone received it (${atKill} before the kill)`).toBe(RECIPIENTS);
  const [statuses] = await query<{ sent: string; other: string }>(
    ctx.databaseUrl,
    "select count(*) filter (where d.status = 'sent') as sent, count(*) filter (where d.status <> 'sent') as other from email_deliveries d join newsletter_sends s on s.id = d.send_id where s.article_id = $1",
    [id],
  );
  expect(statuses).toEqual({ sent: String(RECIPIENTS), other: "0" });
});
