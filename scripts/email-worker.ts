// `npm run email:worker`: the email send queue's worker (lib/email) in a process of its own, for
// servers started with EMAIL_WORKER=off. Under heavy reader traffic a worker inside the web server
// waits behind every request at each SMTP and database round trip (a few messages a second at
// full load); in its own process it gets its own event loop and the OS shares the CPU. Any number
// may run against one PostgreSQL database: rows are claimed with FOR UPDATE SKIP LOCKED. The
// embedded PGlite opens its folder from one process only, so this needs DATABASE_URL.
import os from "node:os";
import { getDb } from "@/db/client";
import { runWorkerLoop, type EmailWorkerSlot } from "@/lib/email/runner";
import { defaultWorkerSettings } from "@/lib/email/worker";
import { getEnv } from "@/lib/env";

// Readers first: on a machine shared with web servers the worker runs at a lower CPU priority, so
// it takes the cycles they leave rather than half of those they need (a newsletter can wait
// milliseconds; a page cannot). Unprivileged processes may always lower their own priority.
const NICE = 10;

async function main(): Promise<void> {
  if (!getEnv().DATABASE_URL) {
    console.error(
      "email:worker needs PostgreSQL (DATABASE_URL): the embedded database is opened by the server alone, whose own worker sends (EMAIL_WORKER=on)",
    );
    process.exit(2);
  }
  const settings = defaultWorkerSettings();
  try {
    os.setPriority(NICE);
  } catch {
    // Not permitted here (some containers): run at the normal priority.
  }
  const db = await getDb();
  const state: EmailWorkerSlot = { started: true, wake: () => {} };
  console.log(
    `[email] worker process ${process.pid}: ${settings.server ? `SMTP, ${settings.connections} connections` : "no EMAIL_SERVER: the dev outbox"}, polling every ${settings.pollMs} ms, nice ${os.getPriority()}`,
  );
  runWorkerLoop(db, settings, state);
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(0));
}

void main();
