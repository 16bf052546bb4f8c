import http from "node:http";

// Next 16 gives handlers no socket address (see client-ip.ts). Installed once per process from
// instrumentation.ts, this stamps every incoming request with the address of the socket it came
// on, overwriting any header of that name the client sent, before Next sees the request.
export const PEER_HEADER = "x-masthead-peer";
const KEY = Symbol.for("masthead.peerStamp");
type Holder = { [KEY]?: true };

export function peerStampInstalled(): boolean {
  return (globalThis as Holder)[KEY] === true;
}

export function installPeerStamp(): void {
  const holder = globalThis as Holder;
  if (holder[KEY]) return;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
  holder[KEY] = true;
}
