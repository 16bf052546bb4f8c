import { PEER_HEADER, peerStampInstalled } from "./peer-address";

// The client's address for per-IP limits.
//
// X-Forwarded-For is a list each proxy appends its peer to, so only the rightmost entries were
// written by machines we run; anything further left came from the client and is forgeable.
// With `hops` trusted proxies in front of Next, the client is the entry `hops` places from the
// right of [...X-Forwarded-For, socket peer].
//
// The socket peer: Next 16 exposes no request IP. It sets X-Forwarded-For to the socket address
// only when the header is absent, and keeps a client-supplied one verbatim. So when the peer
// stamp (lib/http/peer-address.ts) is installed we use the address it recorded from the socket
// and nothing a client sends can move it; without the stamp, the rightmost header entry is the
// best available and a client talking to Next directly can forge it (per-address, per-member and
// per-token limits still hold then).
export function resolveClientIp(forwardedFor: string | null, peer: string | null, hops: number): string {
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (peer) chain.push(peer);
  else if (hops > 0) chain.push(""); // unknown peer: the nearest proxy's own address
  const index = Math.max(0, chain.length - 1 - hops);
  return normalizeIp(chain[index] || "unknown");
}

// One spelling per address: IPv4-mapped IPv6 (::ffff:1.2.3.4) as IPv4, bounded length.
export function normalizeIp(ip: string): string {
  const lower = ip.toLowerCase().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  return (mapped ? mapped[1] : lower).slice(0, 64);
}

export function clientIp(req: Request, hops: number): string {
  const peer = peerStampInstalled() ? req.headers.get(PEER_HEADER) : null;
  return resolveClientIp(req.headers.get("x-forwarded-for"), peer, hops);
}
