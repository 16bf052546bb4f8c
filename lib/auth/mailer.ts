import "server-only";
import { getDb } from "@/db/client";
import { devOutbox } from "@/db/schema";
import { getEnv } from "@/lib/env";

type Mail = { to: string; subject: string; text: string; html: string; url?: string };

let transport: import("nodemailer").Transporter | undefined;

async function smtp(server: string) {
  if (!transport) {
    const nodemailer = await import("nodemailer");
    transport = nodemailer.createTransport(server);
  }
  return transport;
}

// Sends through SMTP when EMAIL_SERVER is set; otherwise the local demo prints the link to the
// server log and keeps the message in the dev outbox that admins can read in the studio.
export async function sendMail(mail: Mail): Promise<void> {
  const env = getEnv();
  if (env.EMAIL_SERVER) {
    const t = await smtp(env.EMAIL_SERVER);
    await t.sendMail({ from: env.EMAIL_FROM ?? "Masthead <no-reply@masthead.local>", to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    return;
  }
  const db = await getDb();
  await db.insert(devOutbox).values({ to: mail.to, subject: mail.subject, text: mail.text, url: mail.url ?? null });
  console.log(`[mail] (no EMAIL_SERVER) to ${mail.to}: ${mail.subject}${mail.url ? `\n[mail] sign-in link: ${mail.url}` : ""}`);
}
