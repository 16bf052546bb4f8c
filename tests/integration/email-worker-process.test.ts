// `npm run email:worker` (scripts/email-worker.ts): the send queue's worker as a process of its own
// beside servers started with EMAIL_WORKER=off. On PostgreSQL it sends what the web queued through
// a real SMTP server, once; without DATABASE_URL it refuses to start with the reason (the embedded
// database is opened by the server alone).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureMember } from "@/db/queries/members";
import { requirePrimaryPublication, seedDemo } from "@/db/seed/seed";
import { noteSignIn } from "@/lib/email/join";
import { openTestDatabase, type TestDatabase } from "./helpers/databases";

const root = path.resolve(import.meta.dirname, "../..");
const script = ["--conditions=react-server", "--import", "tsx", "scripts/email-worker.ts"];

function startWorker(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const child = spawn(process.execPath, script, { cwd: root, env: { ...base, NODE_ENV: "production", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

it("refuses to start on the embedded database, saying why", async () => {
  const worker = startWorker({});
  expect(await worker.exited).toBe(2);
  expect(worker.output()).toContain("email:worker needs PostgreSQL (DATABASE_URL)");
}, 60_000);

describe.runIf(process.env.DATABASE_URL)("the worker process on PostgreSQL", () => {
  let t: TestDatabase;
  const received: { to: string; at: number }[] = [];
  let smtp: SMTPServer;
  let smtpUrl = "";

  beforeAll(async () => {
    t = await openTestDatabase("postgres");
    await seedDemo(t.db);
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        stream.resume();
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo[0].address.toLowerCase(), at: Date.now() });
          callback();
        });
      },
    });
    smtp.on("error", () => {});
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
  }, 120_000);
  afterAll(async () => {
    await new Promise<void>((r) => smtp.close(() => r()));
    await t?.close();
  });

  it("sends what the web queued, once, through SMTP", async () => {
    const pub = await requirePrimaryPublication(t.db);
    const run = Date.now().toString(36);
    const newcomers = await Promise.all([1, 2, 3].map((i) => ensureMember(t.db, `worker-proc-${run}-${i}@example.com`)));
    // What a web server with EMAIL_WORKER=off does at a first sign-in: queue the welcome, send nothing.
    for (const m of newcomers) await noteSignIn(t.db, pub, m);
    const worker = startWorker({
      DATABASE_URL: t.url!,
      EMAIL_SERVER: smtpUrl,
      EMAIL_FROM: "Masthead <news@masthead.test>",
      EMAIL_POLL_MS: "200",
      AUTH_SECRET: "email-worker-process-test-0123456789",
    });
    try {
      const addresses = newcomers.map((m) => m.email);
      await expect.poll(() => addresses.filter((a) => received.some((r) => r.to === a)).length, { timeout: 60_000, interval: 200 }).toBe(3);
      // A few more passes: nothing goes twice.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(received.filter((r) => addresses.includes(r.to)).length, worker.output()).toBe(3);
      expect(worker.output()).toContain(`worker process ${worker.child.pid}: SMTP, 8 connections, polling every 200 ms, nice 10`);
    } finally {
      worker.child.kill("SIGTERM");
      await worker.exited;
    }
  }, 120_000);
});
