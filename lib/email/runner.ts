import "server-only";
import { getDb, type Db } from "@/db/client";
import { processSlot } from "@/lib/process-state";
import { queueEndingNotices } from "./ending-sweep";
import { SmtpUnavailable } from "./smtp";
import { defaultWorkerSettings, EmailWorker, outboxTransport, SMTP_DOWN_WAIT_MS, smtpTransport } from "./worker";

// The email worker of this server instance: a loop that runs passes while there is work, then
// sleeps EMAIL_POLL_MS (or until woken by a local enqueue), and the sweep for "your access ends"
// notices every EMAIL_SWEEP_SECONDS. Started once from instrumentation.ts unless EMAIL_WORKER=off
// (then `npm run email:worker` runs the same loop in a process of its own: scripts/email-worker.ts);
// errors never stop it.

export type EmailWorkerSlot = { started: boolean; wake: () => void };

const slot = () => processSlot("emailWorker", (): EmailWorkerSlot => ({ started: false, wake: () => {} }));

/** Wakes this instance's worker now (a piece went live, a notice was queued). */
export function wakeEmailWorker(): void {
  slot().wake();
}

export async function startEmailWorker(): Promise<void> {
  const state = slot();
  if (state.started) return;
  const settings = defaultWorkerSettings();
  // A dedicated worker process sends instead (scripts/email-worker.ts): this instance only queues.
  if (!settings.inProcess) return;
  // Throws while the database is down; startWithRetry tries again.
  const db = await getDb();
  if (state.started) return;
  state.started = true;
  runWorkerLoop(db, settings, state);
}

/** The worker's loop on `db`, forever (in the server, or in a worker process of its own). */
export function runWorkerLoop(db: Db, settings: ReturnType<typeof defaultWorkerSettings>, state: EmailWorkerSlot): void {
  const transport = settings.server ? smtpTransport(db, settings.server, settings.connections) : outboxTransport(db);
  const worker = new EmailWorker({ db, transport, connections: settings.connections, domainRate: settings.domainRate, rate: settings.rate });
  let lastSweep = 0;
  let woken: (() => void) | null = null;
  state.wake = () => woken?.();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      woken = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  void (async () => {
    for (;;) {
      let wait = settings.pollMs;
      try {
        if (Date.now() - lastSweep > settings.sweepSeconds * 1000) {
          await queueEndingNotices(db, new Date());
          lastSweep = Date.now();
        }
        if ((await worker.runOnce()) > 0) continue;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (err instanceof SmtpUnavailable) {
          console.error(`[email] SMTP unavailable, mail stays queued: ${message}`);
          wait = SMTP_DOWN_WAIT_MS;
        } else {
          console.error(`[email] worker pass failed: ${message}`);
          wait = 5_000;
        }
      }
      await pause(wait);
    }
  })();
}
