import http from "node:http";
import { describe, expect, it } from "vitest";
import type { EdgeServer } from "@/bench/edge-nginx";
import { edgeInFrontOf } from "./helpers/edge-stub";

// The real nginx with deploy/nginx in front of a stub of Node that counts the body it receives:
// the studio's upload routes take files up to 50 MB (their handlers check their own limits), every
// other route keeps the 2 MB cap, and a body too large for nginx gets JSON the studio can show.

const MB = 1024 * 1024;
const stub = http.createServer((req, res) => {
  let bytes = 0;
  req.on("data", (c: Buffer) => (bytes += c.length));
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ path: req.url, bytes }));
  });
});

function post(edge: EdgeServer, urlPath: string, size: number): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: edge.port,
        path: urlPath,
        method: "POST",
        headers: { "content-type": "application/xml", "content-length": size },
        timeout: 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error(`POST ${urlPath} timed out`)));
    // nginx may answer 413 and close before the whole body is sent: that answer is what counts.
    req.on("error", (err) => (String(err).includes("EPIPE") || String(err).includes("ECONNRESET") ? undefined : reject(err)));
    const chunk = Buffer.alloc(MB, "x");
    let left = size;
    const pump = () => {
      while (left > 0) {
        const part = left >= MB ? chunk : chunk.subarray(0, left);
        left -= part.length;
        if (!req.write(part)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

const edge = edgeInFrontOf(stub, "edge-uploads-unit-key-0123456789abcdef0123", "edge-uploads");

describe("request bodies through the nginx edge (stub upstream)", () => {
  it.each(["/api/admin/studio/import?dryRun=1", "/api/admin/studio/uploads", "/studio/import/members/upload?format=csv"])(
    "%s: a 20 MB file reaches Node whole",
    async (url) => {
      const res = await post(edge(), url, 20 * MB);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ path: url, bytes: 20 * MB });
    },
    60_000,
  );

  it("every other route keeps the 2 MB cap", async () => {
    expect((await post(edge(), "/api/admin/v1/articles", MB)).status).toBe(200);
    expect((await post(edge(), "/api/admin/v1/articles", 3 * MB)).status).toBe(413);
    expect((await post(edge(), "/api/admin/studio/import/other", 3 * MB)).status).toBe(413);
  });

  it("a file over the upload cap gets a JSON 413 the studio can show", async () => {
    const res = await post(edge(), "/api/admin/studio/import", 52 * MB);
    expect(res.status).toBe(413);
    expect(res.type).toContain("application/json");
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "payload_too_large:upload", message: expect.stringContaining("50MB") } });
  }, 60_000);
});
