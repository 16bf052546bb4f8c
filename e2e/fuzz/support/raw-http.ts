import net from "node:net";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

export type RawResponse = { status: number; head: string; body: string };

// Sends bytes exactly as given (request line, headers and body), for what an HTTP client refuses
// to produce: raw non-UTF-8 bytes in the path, CR/LF in header values, a bogus Host. Reads until
// the server closes (the request says `Connection: close`) or the time runs out.
export function rawRequest(bytes: Buffer, timeoutMs = 20_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(E2E_PORT, "localhost");
    const timer = setTimeout(() => socket.destroy(new Error(`no response within ${timeoutMs} ms`)), timeoutMs);
    socket.on("data", (c) => chunks.push(c));
    socket.on("error", (err) => {
      clearTimeout(timer);
      // A reset after a complete response (e.g. the server closing on an oversized body) is fine.
      if (chunks.length) resolve(parse(Buffer.concat(chunks)));
      else reject(err);
    });
    socket.on("end", () => {
      clearTimeout(timer);
      resolve(parse(Buffer.concat(chunks)));
    });
    socket.write(bytes);
  });
}

function parse(buf: Buffer): RawResponse {
  const text = buf.toString("utf8");
  const split = text.indexOf("\r\n\r\n");
  const head = split < 0 ? text : text.slice(0, split);
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
  return { status, head, body: split < 0 ? "" : text.slice(split + 4) };
}

// Builds a request from parts; header values go in verbatim (CR/LF included).
export function buildRequest(opts: { method?: string; path: Buffer | string; headers?: [string, string][]; body?: Buffer; host?: string | null }): Buffer {
  const body = opts.body ?? Buffer.alloc(0);
  const lines: string[] = [];
  if (opts.host !== null) lines.push(`Host: ${opts.host ?? `localhost:${E2E_PORT}`}`);
  for (const [k, v] of opts.headers ?? []) lines.push(`${k}: ${v}`);
  if (body.length || (opts.method && opts.method !== "GET" && opts.method !== "HEAD")) lines.push(`Content-Length: ${body.length}`);
  lines.push("Connection: close");
  const path = typeof opts.path === "string" ? Buffer.from(opts.path, "latin1") : opts.path;
  return Buffer.concat([Buffer.from(`${opts.method ?? "GET"} `), path, Buffer.from(` HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n`, "latin1"), body]);
}
