import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import {
  claimDeliveries,
  expandDueSends,
  finishSends,
  markRefusedAfterData,
  markRetry,
  markSent,
  markSettled,
  releaseClaim,
  suppressAddress,
  suppressedAmong,
} from "@/db/queries/email";
import { devOutbox, type EmailDelivery } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { composeMessage, senderAddress, type OutgoingMail } from "./compose";
import { DomainPacer } from "./pacing";
import { prepareBatch } from "./render-batch";
import { decideRetry } from "./retry-policy";
import { SmtpPool, SmtpUnavailable } from "./smtp";

// The send queue's worker: every instance runs one (started from instrumentation.ts). A pass
//  1. turns newsletter sends whose piece is now live into one row per recipient;
//  2. claims due rows (FOR UPDATE SKIP LOCKED: instances never share a row);
//  3. renders them (lib/email/render-batch.ts) and hands each to SMTP through a pool of
//     connections, paced per recipient domain, committing the row as sent before the server may
//     accept it (lib/email/smtp.ts) — so each message goes at most once across crashes;
//  4. settles failures: retry with backoff, or fail and suppress a bouncing address.
// Without EMAIL_SERVER, messages land in the dev outbox in the same transaction that marks them
// sent. While SMTP is unreachable rows stay queued and the worker waits; the web is unaffected.

// A claim outlives any batch (100 rows at a few ms each); a crashed worker's rows are taken over after it.
const LEASE_MS = 60_000;
const SMTP_DOWN_WAIT_MS = 15_000;

export type Transport = {
  /** Delivers `mail` for `row`; `markSent` is the commit (true: this worker still holds the row). */
  deliver(
    row: EmailDelivery,
    mail: OutgoingMail,
    raw: Buffer,
    markSentIn: (db: Db) => Promise<boolean>,
  ): Promise<"sent" | "abandoned" | { refused: ReturnType<typeof decideRetry>; error: string; afterCommit: boolean }>;
  close(): Promise<void>;
};

export function smtpTransport(db: Db, url: string, connections: number): Transport {
  const pool = new SmtpPool(url, connections);
  return {
    async deliver(row, mail, raw, markSentIn) {
      // The row is marked sent in a transaction that commits in the same event-loop turn as the
      // final dot leaves (lib/email/smtp.ts): a crash can neither lose nor repeat the message,
      // short of dying between two writes of one turn.
      let commitFailedAfterDot = false;
      const commit = async (dot: () => void) => {
        let dotted = false;
        try {
          return await db.transaction(async (t) => {
            const held = await markSentIn(t as unknown as Db);
            if (held) {
              dotted = true;
              dot();
            }
            return held;
          });
        } catch (err) {
          if (dotted) commitFailedAfterDot = true;
          throw err;
        }
      };
      const outcome = await pool.send(senderAddress(), mail.to, raw, commit);
      // The dot went but the COMMIT failed (the database went away in that instant): record the
      // send again now that the server has answered, so it is not sent twice after the lease.
      if (commitFailedAfterDot && outcome.kind === "sent" && !(await markSentIn(db).catch(() => false))) {
        console.error(`[email] delivery ${row.id} was accepted by the SMTP server but could not be recorded as sent`);
      }
      if (outcome.kind === "sent" || outcome.kind === "abandoned") return outcome.kind;
      return { refused: decideRetry(outcome.error, row.attempts, new Date()), error: outcome.error.message, afterCommit: outcome.afterCommit };
    },
    close: () => pool.close(),
  };
}

export function outboxTransport(db: Db): Transport {
  return {
    async deliver(row, mail, _raw, markSentIn) {
      const sent = await db.transaction(async (tx) => {
        const held = await markSentIn(tx as unknown as Db);
        if (held) await tx.insert(devOutbox).values({ to: mail.to, subject: mail.subject, text: mail.text, url: null });
        return held;
      });
      if (sent) console.log(`[mail] (no EMAIL_SERVER) ${row.kind} to ${mail.to}: ${mail.subject}`);
      return sent ? "sent" : "abandoned";
    },
    close: async () => {},
  };
}

// `rate`: messages a second from this worker in all (0: no cap), so a send leaves the machine's CPU
// to the web servers beside it; `domainRate` paces each recipient domain within that.
export type WorkerOptions = {
  db: Db;
  transport: Transport;
  connections: number;
  domainRate: number;
  rate?: number;
  batchSize?: number;
  log?: (line: string) => void;
};

// Runs `fn` over `items` with at most `limit` in flight.
async function eachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class EmailWorker {
  readonly claim = randomUUID();
  private readonly pacer: DomainPacer;
  private readonly overall: DomainPacer;
  private readonly log: (line: string) => void;

  constructor(private readonly opts: WorkerOptions) {
    this.pacer = new DomainPacer(opts.domainRate);
    // One bucket for every message: the same token bucket with a single key.
    this.overall = new DomainPacer(opts.rate ?? 0);
    this.log = opts.log ?? ((line) => console.log(`[email] ${line}`));
  }

  /** One pass; the number of rows it handled (0: nothing was due). Throws SmtpUnavailable. */
  async runOnce(now = new Date()): Promise<number> {
    const { db } = this.opts;
    const expanded = await expandDueSends(db, now);
    for (const send of expanded) this.log(`newsletter #${send.id}: ${send.recipients} recipients queued`);
    const rows = await claimDeliveries(db, this.claim, now, LEASE_MS, this.opts.batchSize ?? Math.max(50, this.opts.connections * 25));
    if (rows.length === 0) {
      await finishSends(db, now);
      return 0;
    }
    const suppressed = await suppressedAmong(
      db,
      rows.map((r) => r.email),
    );
    const prepared = await prepareBatch(
      db,
      rows.filter((r) => !suppressed.has(r.email)),
      now,
    );
    for (const row of rows) if (suppressed.has(row.email)) await markSettled(db, row.id, this.claim, "suppressed", "the address is suppressed");
    let unavailable: SmtpUnavailable | null = null;
    await eachLimit(prepared, this.opts.connections, async (item) => {
      if (unavailable) return;
      if ("skip" in item) {
        await markSettled(db, item.row.id, this.claim, item.skip === "unsubscribed" ? "suppressed" : "failed", item.detail);
        return;
      }
      try {
        await this.deliver(item.row, item.mail, item.variant);
      } catch (err) {
        if (err instanceof SmtpUnavailable) unavailable = err;
        else {
          this.log(`delivery ${item.row.id} failed: ${err instanceof Error ? err.message : String(err)}`);
          await markRetry(db, item.row.id, this.claim, new Date(Date.now() + 60_000), true, err instanceof Error ? err.message : String(err));
        }
      }
    });
    if (unavailable) {
      // Nothing of this batch reached the server unless committed: hand the rest back unspent.
      await releaseClaim(db, this.claim);
      throw unavailable;
    }
    await finishSends(db, new Date());
    return rows.length;
  }

  private async deliver(row: EmailDelivery, mail: OutgoingMail, variant: string | null): Promise<void> {
    const { db, transport } = this.opts;
    const overall = this.overall.take("*", Date.now());
    if (overall > 0) await sleep(overall);
    const wait = this.pacer.take(row.domain, Date.now());
    if (wait > 0) await sleep(wait);
    const raw = await composeMessage(mail);
    const result = await transport.deliver(row, mail, raw, (tx) => markSent(tx, row.id, this.claim, new Date(), variant));
    if (result === "sent" || result === "abandoned") return;
    const { refused, error, afterCommit } = result;
    if (refused.kind === "fail" && refused.suppress) {
      await suppressAddress(db, row.email, "bounce", error);
      this.log(`${row.email} refused permanently; suppressed (${error})`);
    }
    if (afterCommit) {
      await markRefusedAfterData(db, row.id, refused.kind === "retry" ? "queued" : "failed", error, refused.kind === "retry" ? refused.at : null);
    } else if (refused.kind === "retry") {
      await markRetry(db, row.id, this.claim, refused.at, refused.countsAttempt, error);
    } else {
      await markSettled(db, row.id, this.claim, "failed", error);
    }
  }

  async release(): Promise<void> {
    await releaseClaim(this.opts.db, this.claim);
  }
}

export function defaultWorkerSettings() {
  const env = getEnv();
  return {
    connections: env.EMAIL_CONNECTIONS,
    domainRate: env.EMAIL_DOMAIN_RATE,
    rate: env.EMAIL_RATE,
    pollMs: env.EMAIL_POLL_MS,
    sweepSeconds: env.EMAIL_SWEEP_SECONDS,
    server: env.EMAIL_SERVER ?? null,
    inProcess: env.EMAIL_WORKER === "on",
  };
}

export { SMTP_DOWN_WAIT_MS };
