import http from "node:http";
import { gzipSync } from "node:zlib";
import { addRequestHook } from "./request-hooks";

// The edge (deploy/nginx) stores one gzip body per publication, tier and page and serves every hit
// from that file. Next compresses as a stream: the body it sends has no Content-Length, so nginx
// stores none and frames every hit chunked (a second write per response), and it must parse
// headers a hit does not need. For the edge's page requests (X-Masthead-Edge, gzip accepted), this
// answers instead with the whole page compressed once, its length known, and only the headers a
// browser uses: about a tenth more hits per second at the edge (bench/README.md, issue 19).
// Anything else passes through untouched. A client sending X-Masthead-Edge itself only gets its
// own page buffered.

const EDGE_MODES = new Set(["cookie", "auth"]);
const PAGE_TYPE = /^text\/(?:html|x-component)\s*(?:;|$)/i;
// Read by no browser: Next's diagnostics and the internal rewrite target (/t/<pub>/<tier>/…,
// which the edge answers 404 anyway). Vary is dropped too: the answer says Cache-Control
// private, no-store, so no browser cache keys on it, and the edge keys on each varying header.
const DROPPED = ["x-nextjs-cache", "x-nextjs-prerender", "x-middleware-rewrite", "x-powered-by", "vary"];

export function wantsEdgeBody(req: Pick<http.IncomingMessage, "method" | "headers">): boolean {
  const mode = req.headers["x-masthead-edge"];
  return req.method === "GET" && typeof mode === "string" && EDGE_MODES.has(mode) && /\bgzip\b/i.test(String(req.headers["accept-encoding"] ?? ""));
}

/** The finished answer for the edge: a 200 page gzip-compressed with its length; anything else as it was, with its length. */
export function edgeBody(res: Pick<http.ServerResponse, "statusCode" | "getHeader" | "setHeader" | "removeHeader">, body: Buffer): Buffer {
  const type = String(res.getHeader("content-type") ?? "");
  const compress = res.statusCode === 200 && PAGE_TYPE.test(type) && !res.getHeader("content-encoding") && body.length > 0;
  const out = compress ? gzipSync(body) : body;
  if (compress) {
    res.setHeader("content-encoding", "gzip");
    for (const name of DROPPED) res.removeHeader(name);
  }
  res.removeHeader("transfer-encoding");
  // 204 and 304 have no body, and so no length to state.
  if (res.statusCode !== 204 && res.statusCode !== 304) res.setHeader("content-length", out.length);
  return out;
}

type Callback = (err?: Error | null) => void;
const asBuffer = (chunk: unknown, encoding?: unknown): Buffer =>
  Buffer.isBuffer(chunk)
    ? chunk
    : chunk instanceof Uint8Array
      ? Buffer.from(chunk)
      : Buffer.from(String(chunk), (typeof encoding === "string" ? encoding : "utf8") as BufferEncoding);

/** Holds the response until it ends, then sends it in one piece through edgeBody. */
function bufferResponse(res: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  const end = res.end;
  const writeHead = res.writeHead;
  let sending = false;
  // Until the end, headers given to writeHead become ordinary headers, so edgeBody sees and edits
  // them. Node's end() calls writeHead itself (through whatever wraps it, like Next's compression):
  // that call sends them.
  res.writeHead = function (this: http.ServerResponse, status: number, ...rest: unknown[]) {
    if (sending) return Reflect.apply(writeHead, this, [status, ...rest]) as http.ServerResponse;
    this.statusCode = status;
    const headers = rest.find((r) => r && typeof r === "object") as http.OutgoingHttpHeaders | undefined;
    for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) this.setHeader(name, value);
    return this;
  } as typeof res.writeHead;
  res.flushHeaders = () => {};
  res.write = function (chunk: unknown, encoding?: unknown, cb?: unknown) {
    chunks.push(asBuffer(chunk, encoding));
    const done = (typeof encoding === "function" ? encoding : cb) as Callback | undefined;
    if (done) process.nextTick(done);
    return true;
  } as typeof res.write;
  res.end = function (this: http.ServerResponse, chunk?: unknown, encoding?: unknown, cb?: unknown) {
    if (typeof chunk === "function") [cb, chunk] = [chunk, undefined];
    else if (typeof encoding === "function") [cb, encoding] = [encoding, undefined];
    if (chunk !== undefined && chunk !== null) chunks.push(asBuffer(chunk, encoding));
    sending = true;
    return Reflect.apply(end, this, [edgeBody(this, Buffer.concat(chunks)), ...(typeof cb === "function" ? [cb] : [])]) as http.ServerResponse;
  } as typeof res.end;
}

/** Installed once per process at start (lib/background/start-instance.ts), before Next sees a request. */
export function installEdgeBody(): void {
  addRequestHook("edge-body", (req, res) => {
    if (!wantsEdgeBody(req)) return;
    // Next's own compression then leaves the body alone: edgeBody compresses it whole.
    req.headers["accept-encoding"] = "identity";
    bufferResponse(res);
  });
}
