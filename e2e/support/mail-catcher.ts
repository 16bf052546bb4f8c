import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// A local SMTP server for the e2e run: the product sends real mail through nodemailer, and the
// tests read what arrived. Messages are written as JSON files so test workers can read them.
// One folder per SMTP port, so two e2e runs on one machine never read each other's mail.
export const MAIL_DIR = path.resolve("test-results", `mail-${process.env.E2E_SMTP_PORT ?? 2526}`);

export async function startMailCatcher(port: number): Promise<() => Promise<void>> {
  fs.rmSync(MAIL_DIR, { recursive: true, force: true });
  fs.mkdirSync(MAIL_DIR, { recursive: true });
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          const file = path.join(MAIL_DIR, `${Date.now()}-${String(++seq).padStart(5, "0")}.json`);
          // Raw header values: mailparser turns List-* headers into objects.
          const header = (name: string) =>
            mail.headerLines
              .find((h) => h.key === name)
              ?.line.replace(/^[^:]+:\s*/, "")
              .replace(/\r?\n\s+/g, " ") ?? null;
          const headers = {
            listUnsubscribe: header("list-unsubscribe"),
            listUnsubscribePost: header("list-unsubscribe-post"),
            messageId: header("message-id"),
          };
          fs.writeFileSync(file, JSON.stringify({ to, subject: mail.subject ?? "", text: mail.text ?? "", html: mail.html || "", headers, at: Date.now() }));
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
