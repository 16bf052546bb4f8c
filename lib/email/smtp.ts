import "server-only";
import { Readable } from "node:stream";
import SMTPConnection from "nodemailer/lib/smtp-connection";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import type { SmtpFailure } from "./retry-policy";

// A small pool of SMTP connections that sends each message at most once across crashes.
//
// The SMTP server takes responsibility for a message when it receives the final "<CRLF>.<CRLF>"
// of DATA. Each message is streamed without that dot; `commit(dot)` records the row as sent in a
// database transaction and calls `dot()` once the row is known to be this worker's, *before* that
// transaction commits: the dot and the COMMIT leave in the same turn of the event loop. A worker
// killed before then leaves the server with an unfinished message, which it discards, and the
// transaction rolled back, so the row is sent again later; killed after, both are in the kernels'
// socket buffers. (Committing first and then sending the dot, as this did before, lost the
// messages whose COMMIT had reached PostgreSQL when the worker died waiting for its answer.)

export type SendOutcome =
  | { kind: "sent" }
  // Refused before the commit (nothing was accepted) or, `afterCommit`, after the final dot.
  | { kind: "refused"; error: SmtpFailure; afterCommit: boolean }
  // `commit()` said no (another worker holds the row now): the message was abandoned before its dot.
  | { kind: "abandoned" };

export class SmtpUnavailable extends Error {}

/** Records the message as sent; calls `dot()` as soon as the row is known to be held (before its COMMIT). */
export type Commit = (dot: () => void) => Promise<boolean>;

type Conn = { smtp: SMTPConnection; broken: boolean; lastUsed: number };

const IDLE_CLOSE_MS = 30_000;

function toFailure(err: unknown): SmtpFailure {
  const e = err as { responseCode?: number; code?: string; command?: string; message?: string };
  return {
    responseCode: typeof e?.responseCode === "number" ? e.responseCode : undefined,
    code: e?.code,
    command: e?.command,
    message: e?.message ?? String(err),
  };
}

export class SmtpPool {
  private readonly idle: Conn[] = [];
  private open = 0;
  private readonly waiting: ((c: Conn | Error) => void)[] = [];
  private readonly options: ReturnType<typeof parseConnectionUrl>;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    url: string,
    private readonly size: number,
  ) {
    this.options = parseConnectionUrl(url);
  }

  private connect(): Promise<Conn> {
    const { auth, ...options } = this.options;
    const smtp = new SMTPConnection({ ...options, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 } as ConstructorParameters<
      typeof SMTPConnection
    >[0]);
    const conn: Conn = { smtp, broken: false, lastUsed: Date.now() };
    return new Promise<Conn>((resolve, reject) => {
      const fail = (err: unknown) => reject(new SmtpUnavailable(`SMTP connection failed: ${toFailure(err).message}`));
      smtp.once("error", fail);
      smtp.connect(() => {
        smtp.removeListener("error", fail);
        // Later errors (the server hung up) retire this connection.
        smtp.on("error", () => (conn.broken = true));
        smtp.on("end", () => (conn.broken = true));
        if (!auth) return resolve(conn);
        smtp.login(auth, (err) => (err ? (smtp.close(), fail(err)) : resolve(conn)));
      });
    });
  }

  private async acquire(): Promise<Conn> {
    while (this.idle.length) {
      const conn = this.idle.pop()!;
      if (!conn.broken) return conn;
      this.open--;
    }
    if (this.open < this.size) {
      this.open++;
      try {
        return await this.connect();
      } catch (err) {
        this.open--;
        throw err;
      }
    }
    const got = await new Promise<Conn | Error>((resolve) => this.waiting.push(resolve));
    if (got instanceof Error) throw got;
    return got;
  }

  private release(conn: Conn, reusable: boolean) {
    if (!reusable || conn.broken) {
      conn.broken = true;
      conn.smtp.close();
      this.open--;
      // Someone waiting gets a fresh connection instead.
      const next = this.waiting.shift();
      if (next) {
        this.open++;
        this.connect().then(next, (err: Error) => {
          this.open--;
          next(err);
        });
      }
      return;
    }
    conn.lastUsed = Date.now();
    const next = this.waiting.shift();
    if (next) return next(conn);
    this.idle.push(conn);
    this.timer ??= setInterval(() => this.closeIdle(), IDLE_CLOSE_MS).unref();
  }

  private closeIdle() {
    const now = Date.now();
    for (let i = this.idle.length - 1; i >= 0; i--) {
      if (now - this.idle[i].lastUsed < IDLE_CLOSE_MS) continue;
      const [conn] = this.idle.splice(i, 1);
      conn.smtp.quit();
      this.open--;
    }
  }

  /** Sends `raw` (a complete MIME message) to `to`; `commit` runs after DATA was accepted and calls `dot` (or resolves true) to let the final dot go. */
  async send(from: string, to: string, raw: Buffer, commit: Commit): Promise<SendOutcome> {
    // A pooled connection the server has closed in the meantime fails before DATA: try once more
    // on a fresh one before calling the server unavailable.
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(from, to, raw, commit);
      if (result !== "connection-lost") return result;
      if (attempt >= 2) throw new SmtpUnavailable("the SMTP server dropped the connection");
    }
  }

  private async attempt(from: string, to: string, raw: Buffer, commit: Commit): Promise<SendOutcome | "connection-lost"> {
    const conn = await this.acquire();
    let started = false;
    let committed = false;
    let abandoned = false;
    const body = new Readable({
      // First read: the server answered DATA with 354 (nodemailer pipes the message only then).
      read() {
        if (started) return;
        started = true;
        this.push(raw);
        const dot = () => {
          if (committed) return;
          committed = true;
          this.push(null);
        };
        commit(dot).then(
          (ok) => {
            if (ok) return dot();
            if (committed) return; // cannot happen: dot() is only called for a held row
            abandoned = true;
            this.destroy(new Error("the queue row was claimed by another worker"));
          },
          (err: unknown) => {
            // After the dot the message is the server's; the caller settles the row (see worker.ts).
            if (committed) return;
            abandoned = true;
            this.destroy(err instanceof Error ? err : new Error(String(err)));
          },
        );
      },
    });
    const outcome = await new Promise<SendOutcome>((resolve) => {
      conn.smtp.send({ from: addressOf(from), to: [to] }, body, (err) => {
        if (!err) return resolve({ kind: "sent" });
        if (abandoned) return resolve({ kind: "abandoned" });
        resolve({ kind: "refused", error: toFailure(err), afterCommit: committed });
      });
    });
    if (outcome.kind === "sent") {
      this.release(conn, true);
    } else if (outcome.kind === "refused" && !started && outcome.error.responseCode !== undefined) {
      // Refused in the envelope (MAIL/RCPT): the session is fine once the transaction is reset.
      conn.smtp.reset((err) => this.release(conn, !err));
    } else {
      // Mid-DATA or a dropped connection: never reuse it.
      this.release(conn, false);
    }
    if (outcome.kind === "refused" && outcome.error.responseCode === undefined && !started) return "connection-lost";
    return outcome;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const conn of this.idle.splice(0)) conn.smtp.quit();
    for (const w of this.waiting.splice(0)) w(new SmtpUnavailable("pool closed"));
    this.open = 0;
  }
}

// "Name <addr@host>" → "addr@host" for the envelope.
function addressOf(from: string): string {
  const m = /<([^>]+)>/.exec(from);
  return (m ? m[1] : from).trim();
}
