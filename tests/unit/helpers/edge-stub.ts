import fs from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startEdge, type EdgeServer } from "@/bench/edge-nginx";

/**
 * The real nginx with deploy/nginx (signed tier cookie mode, key `edgeSecret`) in front of `stub`,
 * a stand-in for Node, started before the file's tests and stopped after them. Returns a getter.
 */
export function edgeInFrontOf(stub: http.Server, edgeSecret: string, label: string): () => EdgeServer {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `masthead-${label}-`));
  let edge: EdgeServer | undefined;
  beforeAll(async () => {
    await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
    edge = await startEdge({ workDir: work, upstreamPorts: [(stub.address() as AddressInfo).port], mode: "cookie", edgeSecret });
  }, 30_000);
  afterAll(async () => {
    await edge?.stop();
    await new Promise((resolve) => stub.close(resolve));
    fs.rmSync(work, { recursive: true, force: true });
  });
  return () => {
    if (!edge) throw new Error("the edge has not started");
    return edge;
  };
}
