import http from "node:http";
import { peekProcessSlot, setProcessSlot } from "@/lib/process-state";

// Next 16 gives handlers no socket address (see client-ip.ts). Installed once per process from
// instrumentation.ts, this stamps every incoming request with the address of the socket it came
// on, overwriting any header of that name the client sent, before Next sees the request.
export const PEER_HEADER = "x-masthead-peer";
export function peerStampInstalled(): boolean {
  return peekProcessSlot("peerStamp") === true;
}

export function installPeerStamp(): void {
  if (peerStampInstalled()) return;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
  setProcessSlot("peerStamp", true);
}
