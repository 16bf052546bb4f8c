import { randomBytes } from "node:crypto";
import addressparser from "nodemailer/lib/addressparser";
import { encodeWords, foldLines, isPlainText } from "nodemailer/lib/mime-funcs";

// A multipart/alternative message (plain text and HTML, UTF-8, base64) as bytes, built directly.
// The queue sends tens of thousands of these per newsletter: nodemailer's MailComposer builds each
// through a chain of streams and a scan for the best transfer encoding, which cost about a
// millisecond of CPU per 28 KB message (most of the worker's time); this is one Buffer.concat.
// Headers are encoded with nodemailer's own RFC 2047 helpers. Pure apart from the boundary's
// randomness.

export type MimeInput = {
  from: string; // "Name <address>" or an address
  to: string;
  subject: string;
  messageId: string; // "<id@host>" (brackets added when missing)
  date: Date;
  text: string;
  html: string;
  headers?: Record<string, string>; // extra ASCII headers (List-Unsubscribe, Precedence)
};

const CRLF = "\r\n";
// Base64 never contains "_", "=" followed by "_", or "-": the boundary cannot occur in a part.
const boundaryPrefix = `----=_mh_${randomBytes(6).toString("hex")}_`;
let boundaryCount = 0;

function headerLine(name: string, value: string): string {
  const encoded = isPlainText(value) ? value : encodeWords(value, "B", 52);
  return foldLines(`${name}: ${encoded}`, 76);
}

function mailbox(value: string): string {
  const [parsed] = addressparser(value) as { name?: string; address?: string }[];
  if (!parsed?.address) return value;
  if (!parsed.name) return parsed.address;
  const name = isPlainText(parsed.name)
    ? /^[\w !#$%&'*+\-/=?^`{|}~.]*$/.test(parsed.name)
      ? parsed.name
      : `"${parsed.name.replace(/(["\\])/g, "\\$1")}"`
    : encodeWords(parsed.name, "B", 52);
  return `${name} <${parsed.address}>`;
}

function base64Lines(body: string): string {
  const b64 = Buffer.from(body, "utf8").toString("base64");
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(CRLF);
}

// RFC 5322 date: "Sun, 06 Dec 2026 03:00:00 +0000".
const rfc5322Date = (d: Date) => d.toUTCString().replace(/GMT$/, "+0000");

export function buildMime(input: MimeInput): Buffer {
  const boundary = `${boundaryPrefix}${(boundaryCount = (boundaryCount + 1) % 1e9)}`;
  const messageId = input.messageId.startsWith("<") ? input.messageId : `<${input.messageId}>`;
  const head = [
    foldLines(`From: ${mailbox(input.from)}`, 76),
    foldLines(`To: ${mailbox(input.to)}`, 76),
    headerLine("Subject", input.subject),
    `Message-ID: ${messageId}`,
    `Date: ${rfc5322Date(input.date)}`,
    ...Object.entries(input.headers ?? {}).map(([k, v]) => foldLines(`${k}: ${v}`, 76)),
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ].join(CRLF);
  const part = (type: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=utf-8`, "Content-Transfer-Encoding: base64", "", base64Lines(body)].join(CRLF);
  return Buffer.from([head, "", part("text/plain", input.text), part("text/html", input.html), `--${boundary}--`, ""].join(CRLF), "utf8");
}
