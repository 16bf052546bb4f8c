// Issue 7: nginx serving the same piece's anonymous HTML as a static file on loopback — the
// physical limit on this machine — and Masthead's throughput as a fraction of it.
import path from "node:path";
import type { BenchContext } from "../context";
import { runLoad } from "../load";
import { startStaticServer } from "../nginx";
import { num } from "../report";
import { loadRow } from "./readers";

export async function staticLimitSection(ctx: BenchContext): Promise<void> {
  const { report, server, opts } = ctx;
  report.section(`Physical limit: nginx serving ${ctx.gatedPath}'s anonymous HTML as a static file`);
  const res = await fetch(`${server.baseUrl}${ctx.gatedPath}`, { headers: { accept: "text/html" }, signal: AbortSignal.timeout(15_000) });
  if (!res.ok) throw new Error(`could not fetch the anonymous page (${res.status})`);
  const html = await res.text();
  const nginx = await startStaticServer({ html, urlPath: ctx.gatedPath, workDir: path.join(opts.outDir, "nginx") });
  try {
    if (opts.warmupSeconds > 0) await runLoad({ baseUrl: nginx.baseUrl, path: nginx.path, connections: opts.connections, seconds: opts.warmupSeconds });
    const result = await runLoad({ baseUrl: nginx.baseUrl, path: nginx.path, connections: opts.connections, seconds: opts.durationSeconds });
    ctx.results.set("nginx", result);
    report.table([loadRow(`nginx ${nginx.version}`, "static file", result, null)]);
    report.line(`page: ${num(Buffer.byteLength(html))} bytes, uncompressed on both servers (the load generator sends no Accept-Encoding)`);
    const rows = ["anon", "premium"].flatMap((tier) => {
      const r = ctx.results.get(tier);
      return r
        ? [
            {
              reader: tier === "anon" ? "Masthead anonymous" : "Masthead premium",
              "req/s": num(r.requestsPerSecond),
              "of nginx": `${((r.requestsPerSecond / result.requestsPerSecond) * 100).toFixed(1)} %`,
              ratio: (r.requestsPerSecond / result.requestsPerSecond).toFixed(3),
            },
          ]
        : [];
    });
    report.table(rows);
    report.record("staticLimit", { nginx: nginx.version, result, ratios: Object.fromEntries(rows.map((r) => [r.reader, Number(r.ratio)])) });
  } finally {
    await nginx.stop();
  }
}
