import { describe, expect, it } from "vitest";
import { normalizeIp, resolveClientIp } from "@/lib/http/client-ip";

describe("resolveClientIp", () => {
  it.each([
    // No proxy in front, socket peer known (peer stamp installed): headers are ignored entirely.
    { xff: null, peer: "203.0.113.7", hops: 0, ip: "203.0.113.7" },
    { xff: "1.1.1.1", peer: "203.0.113.7", hops: 0, ip: "203.0.113.7" },
    { xff: "1.1.1.1, 2.2.2.2", peer: "::ffff:203.0.113.7", hops: 0, ip: "203.0.113.7" },
    // One proxy (nginx with $proxy_add_x_forwarded_for): the entry it appended, not the client's.
    { xff: "203.0.113.7", peer: "127.0.0.1", hops: 1, ip: "203.0.113.7" },
    { xff: "6.6.6.6, 203.0.113.7", peer: "127.0.0.1", hops: 1, ip: "203.0.113.7" },
    { xff: "6.6.6.6, 7.7.7.7, 203.0.113.7", peer: "127.0.0.1", hops: 1, ip: "203.0.113.7" },
    // Two proxies (CDN → nginx): the CDN's entry.
    { xff: "6.6.6.6, 203.0.113.7, 198.51.100.1", peer: "127.0.0.1", hops: 2, ip: "203.0.113.7" },
    // A chain shorter than the configured hops: the leftmost entry, never out of range.
    { xff: null, peer: "127.0.0.1", hops: 2, ip: "127.0.0.1" },
    // Peer unknown (no stamp): with a proxy the header's rightmost entry is what the proxy saw.
    { xff: "6.6.6.6, 203.0.113.7", peer: null, hops: 1, ip: "203.0.113.7" },
    // Peer unknown, no proxy: Next put the socket address in the header when the client sent none.
    { xff: "203.0.113.7", peer: null, hops: 0, ip: "203.0.113.7" },
    { xff: null, peer: null, hops: 0, ip: "unknown" },
    { xff: " , ", peer: null, hops: 1, ip: "unknown" },
  ])("xff=$xff peer=$peer hops=$hops → $ip", ({ xff, peer, hops, ip }) => {
    expect(resolveClientIp(xff, peer, hops)).toBe(ip);
  });

  it("a client cannot move its per-IP bucket when the peer is known", () => {
    const seen = new Set(["9.9.9.9", "1.2.3.4, 9.9.9.9", "x".repeat(300), ""].map((xff) => resolveClientIp(xff, "198.51.100.20", 0)));
    expect([...seen]).toEqual(["198.51.100.20"]);
    const behindProxy = new Set(["9.9.9.9", "1.2.3.4, 5.6.7.8"].map((forged) => resolveClientIp(`${forged}, 198.51.100.20`, "127.0.0.1", 1)));
    expect([...behindProxy]).toEqual(["198.51.100.20"]);
  });
});

describe("normalizeIp", () => {
  it.each([
    ["::ffff:10.0.0.1", "10.0.0.1"],
    ["[2001:DB8::1]", "2001:db8::1"],
    ["a".repeat(100), "a".repeat(64)],
  ])("%s → %s", (input, out) => expect(normalizeIp(input)).toBe(out));
});
