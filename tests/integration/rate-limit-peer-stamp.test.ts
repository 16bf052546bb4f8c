import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIp } from "@/lib/http/client-ip";
import { installPeerStamp, PEER_HEADER, peerStampInstalled } from "@/lib/http/peer-address";

// A real HTTP server (as next start runs one) with the stamp installed: whatever a client sends,
// the per-IP subject is the socket's address.
let server: http.Server;
let base = "";

beforeAll(async () => {
  installPeerStamp();
  installPeerStamp(); // idempotent
  server = http.createServer((req, res) => {
    const headers = new Headers(Object.entries(req.headers).map(([k, v]) => [k, String(v)] as [string, string]));
    res.end(JSON.stringify({ ip: clientIp(new Request("http://x.invalid", { headers }), 0), stamped: req.headers[PEER_HEADER] }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("peer stamp", () => {
  it("records the socket address and overwrites a forged header", async () => {
    expect(peerStampInstalled()).toBe(true);
    const cases: Record<string, string>[] = [{}, { "x-forwarded-for": "6.6.6.6" }, { [PEER_HEADER]: "6.6.6.6", "x-forwarded-for": "7.7.7.7, 8.8.8.8" }];
    for (const headers of cases) {
      const body = (await (await fetch(base, { headers })).json()) as { ip: string; stamped: string };
      expect(body.ip).toBe("127.0.0.1");
      expect(body.stamped).toMatch(/127\.0\.0\.1$/);
    }
  });
});
