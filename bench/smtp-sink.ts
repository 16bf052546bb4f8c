// A local SMTP sink for `npm run bench -- --email`, in the spirit of Postfix's smtp-sink: a minimal
// SMTP server over TCP (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that accepts every message
// at its final "<CRLF>.<CRLF>" and keeps only who received what and when. It is this small so that
// its own CPU (it shares the machine with the server under test) stays a fraction of a full MTA's:
// smtp-server with a parser cost about 4 ms per 28 KB message here. Each newsletter's subject
// carries its own marker (ASCII, so MailComposer leaves it unencoded); other messages are counted.
import net from "node:net";
import { onCleanup } from "./children";

export type SinkMessage = { to: string; at: number; bytes: number };

export type SmtpSink = {
  url: string;
  // Per marker, the messages whose subject contained it, in arrival order.
  received: (marker: string) => SinkMessage[];
  others: number;
  close: () => Promise<void>;
};

const END = Buffer.from("\r\n.\r\n");
const HEADER_LIMIT = 16 * 1024;

export async function startSmtpSink(markers: string[]): Promise<SmtpSink> {
  const byMarker = new Map(markers.map((m) => [m, [] as SinkMessage[]]));
  let others = 0;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let rcpt: string[] = [];
    let inData = false;
    let pending: Buffer = Buffer.alloc(0); // command bytes not yet ending in CRLF, or DATA bytes
    let head = ""; // the message's first bytes, for its Subject
    let bytes = 0;
    const reply = (line: string) => socket.write(`${line}\r\n`);

    const finishMessage = () => {
      const headers = head.split(/\r?\n\r?\n/, 1)[0];
      const subject = /^Subject:(.*(?:\r?\n[ \t].*)*)/im.exec(headers)?.[1] ?? "";
      const marker = markers.find((m) => subject.includes(m));
      const at = Date.now();
      if (marker) for (const to of rcpt) byMarker.get(marker)!.push({ to, at, bytes });
      else others++;
      rcpt = [];
      head = "";
      bytes = 0;
      reply("250 2.0.0 queued");
    };

    const command = (line: string) => {
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === "EHLO") return reply("250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
      if (verb === "HELO") return reply("250 sink");
      if (verb === "MAIL") return ((rcpt = []), reply("250 2.1.0 ok"));
      if (verb === "RCPT") {
        const address = /<([^>]*)>/.exec(line)?.[1] ?? "";
        rcpt.push(address.toLowerCase());
        return reply("250 2.1.5 ok");
      }
      if (verb === "DATA") {
        inData = true;
        return reply("354 end with <CRLF>.<CRLF>");
      }
      if (verb === "RSET") return ((rcpt = []), reply("250 2.0.0 ok"));
      if (verb === "NOOP") return reply("250 2.0.0 ok");
      if (verb === "QUIT") {
        reply("221 2.0.0 bye");
        return socket.end();
      }
      reply("502 5.5.2 not implemented");
    };

    socket.on("data", (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (inData) {
          // The message so far starts after "354": the terminator may be split across chunks.
          const end = pending.indexOf(END);
          const body = end < 0 ? pending.subarray(0, Math.max(0, pending.length - END.length)) : pending.subarray(0, end);
          if (head.length < HEADER_LIMIT) head += body.subarray(0, HEADER_LIMIT - head.length).toString("latin1");
          bytes += body.length;
          if (end < 0) {
            pending = pending.subarray(body.length);
            return;
          }
          pending = pending.subarray(end + END.length);
          inData = false;
          finishMessage();
          continue;
        }
        const eol = pending.indexOf("\r\n");
        if (eol < 0) return;
        const line = pending.subarray(0, eol).toString("latin1");
        pending = pending.subarray(eol + 2);
        command(line);
      }
    });
    reply("220 sink ESMTP");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  onCleanup("smtp sink", close);
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: (marker) => byMarker.get(marker) ?? [],
    get others() {
      return others;
    },
    close,
  };
}
