import "server-only";
import DKIM from "nodemailer/lib/dkim";
import { getEnv } from "@/lib/env";
import type { RenderedMail } from "./layout";
import { buildMime } from "./mime";

// One message as the bytes handed to the SMTP server: MIME (HTML and plain-text parts, UTF-8),
// the bulk headers, and a DKIM signature when EMAIL_DKIM_* is set (Naver Mail and Gmail require
// SPF/DKIM from bulk senders; README "Deliverability").

export type OutgoingMail = RenderedMail & {
  to: string;
  // RFC 8058 one-click unsubscribe; newsletters only (notices are transactional).
  unsubscribe?: { url: string; mailto: string | null };
  // Stable per queue row: a resend after a failure carries the same id, so mailbox providers that
  // de-duplicate by Message-ID show it once.
  messageId: string;
};

export function senderAddress(): string {
  return getEnv().EMAIL_FROM ?? "Masthead <no-reply@masthead.local>";
}

function dkimOptions() {
  const env = getEnv();
  if (!env.EMAIL_DKIM_DOMAIN || !env.EMAIL_DKIM_SELECTOR || !env.EMAIL_DKIM_PRIVATE_KEY) return null;
  // Keys kept in one-line environment variables spell newlines as "\n".
  return { domainName: env.EMAIL_DKIM_DOMAIN, keySelector: env.EMAIL_DKIM_SELECTOR, privateKey: env.EMAIL_DKIM_PRIVATE_KEY.replace(/\\n/g, "\n") };
}

let dkim: DKIM | null | undefined;

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

export async function composeMessage(mail: OutgoingMail): Promise<Buffer> {
  const headers: Record<string, string> = {};
  if (mail.unsubscribe) {
    headers["List-Unsubscribe"] = [`<${mail.unsubscribe.url}>`, ...(mail.unsubscribe.mailto ? [`<${mail.unsubscribe.mailto}>`] : [])].join(", ");
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
    headers.Precedence = "bulk";
  }
  const raw = buildMime({
    from: senderAddress(),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers,
    messageId: mail.messageId,
    date: new Date(),
  });
  if (dkim === undefined) {
    const options = dkimOptions();
    dkim = options ? new DKIM(options) : null;
  }
  return dkim ? collect(dkim.sign(raw)) : raw;
}
