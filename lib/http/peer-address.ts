import { addRequestHook, hasRequestHook } from "./request-hooks";

// Next 16 gives handlers no socket address (see client-ip.ts). Installed once per process at start
// (lib/background/start-instance.ts), this stamps every incoming request with the address of the
// socket it came on, overwriting any header of that name the client sent, before Next sees the request.
export const PEER_HEADER = "x-masthead-peer";
const HOOK = "peer-address";

export function peerStampInstalled(): boolean {
  return hasRequestHook(HOOK);
}

export function installPeerStamp(): void {
  addRequestHook(HOOK, (req) => {
    req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
  });
}
