import fs from "node:fs";
import path from "node:path";
import { MAIL_DIR } from "./mail-catcher";

export type Mail = {
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers?: { listUnsubscribe: string | null; listUnsubscribePost: string | null; messageId: string | null };
  at?: number;
};

function readAll(): { file: string; mail: Mail }[] {
  if (!fs.existsSync(MAIL_DIR)) return [];
  return fs
    .readdirSync(MAIL_DIR)
    .sort()
    .map((file) => ({ file, mail: JSON.parse(fs.readFileSync(path.join(MAIL_DIR, file), "utf8")) as Mail }));
}

const SIGN_IN_LINK = /\/api\/auth\/callback\/email\?/;

// Sign-in mails only (notices such as "your access ends" also reach these addresses).
export function signInMailCount(to: string): number {
  return readAll().filter((m) => m.mail.to.includes(to.toLowerCase()) && SIGN_IN_LINK.test(m.mail.text)).length;
}

export function mailCount(to: string): number {
  return readAll().filter((m) => m.mail.to.includes(to.toLowerCase())).length;
}

// Waits for a message to `to` newer than the first `after` messages and returns its sign-in link.
export async function waitForSignInLink(to: string, after: number, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // Other mail (a welcome notice, a newsletter) may arrive in between: the newest sign-in mail counts.
    const mails = readAll()
      .filter((m) => m.mail.to.includes(to.toLowerCase()))
      .slice(after);
    for (const m of mails.reverse()) {
      const link = /https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/.exec(m.mail.text);
      if (link) return link[0];
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no sign-in mail for ${to} within ${timeoutMs} ms`);
}

export function mailsTo(to: string): Mail[] {
  return readAll()
    .filter((m) => m.mail.to.includes(to.toLowerCase()))
    .map((m) => m.mail);
}

// Waits for a message to `to` whose subject matches, and returns it.
export async function waitForMail(to: string, subject: RegExp | string, timeoutMs = 30_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  const matches = (m: Mail) => (typeof subject === "string" ? m.subject.includes(subject) : subject.test(m.subject));
  while (Date.now() < deadline) {
    const found = mailsTo(to).find(matches);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail to ${to} matching ${String(subject)} within ${timeoutMs} ms`);
}
