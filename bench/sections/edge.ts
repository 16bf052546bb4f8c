// Issue 8: the nginx edge cache per tier (deploy/nginx) in front of the bench server —
// anonymous and premium readers through the edge in both tier modes (signed cookie verified by
// njs; auth_request to Node), next to nginx serving the static file and Node alone.
import path from "node:path";
import type { BenchContext } from "../context";
import { edgeKeyFor, withEdgeCookie } from "../edge-cookies";
import { PRIMARY_PUBLICATION, startEdge, type EdgeMode } from "../edge-nginx";
import { runLoad, type LoadResult } from "../load";
import { num } from "../report";
import { GATED_MARKER } from "../seed";

const GOAL = 0.5; // premium through the edge ≥ 0.5 × nginx's static file

// One request of each kind, checked before measuring: the right body per tier, from the cache.
async function verify(baseUrl: string, pathName: string, cookie: string | null, readable: boolean): Promise<string> {
  const headers: Record<string, string> = { accept: "text/html" };
  if (cookie) headers.cookie = cookie;
  let status = "";
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`${baseUrl}${pathName}`, { headers, signal: AbortSignal.timeout(15_000) });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`the edge answered ${res.status} for ${cookie ? "a premium" : "an anonymous"} reader`);
    if (body.includes(GATED_MARKER) !== readable) throw new Error(`the edge served the wrong tier's body to ${cookie ? "a premium" : "an anonymous"} reader`);
    if (res.headers.get("set-cookie")) throw new Error("the edge response set a cookie: the reader's edge cookie was not accepted");
    status = res.headers.get("x-cache-status") ?? "";
  }
  return status;
}

export async function edgeSection(ctx: BenchContext): Promise<void> {
  const { report, server, opts } = ctx;
  report.section(`Edge cache per tier: nginx (deploy/nginx) in front of Node, ${ctx.gatedPath}`);
  const premium = ctx.byTier.get("premium");
  if (!premium?.length) throw new Error("no premium readers were seeded");
  const key = edgeKeyFor(ctx.secret);
  // Valid for the whole section: the measured readers hold a live edge cookie, as a steady reader
  // does. The benchmark reads the primary publication, which nginx maps 127.0.0.1 to.
  const premiumCookies = premium.slice(0, 2_000).map((r) => withEdgeCookie(r, key, PRIMARY_PUBLICATION, 3_600));
  const results = new Map<EdgeMode, { anon: LoadResult; premium: LoadResult; cache: string }>();

  for (const mode of ["cookie", "auth_request"] as const) {
    const edge = await startEdge({ workDir: path.join(opts.outDir, `edge-${mode}`), upstreamPorts: [server.port], mode, edgeSecret: key });
    try {
      const cache = `${await verify(edge.baseUrl, ctx.gatedPath, null, false)}/${await verify(edge.baseUrl, ctx.gatedPath, premiumCookies[0], true)}`;
      const load = (cookies?: string[]) => runLoad({ baseUrl: edge.baseUrl, path: ctx.gatedPath, connections: opts.connections, seconds: opts.durationSeconds, cookies });
      if (opts.warmupSeconds > 0) await runLoad({ baseUrl: edge.baseUrl, path: ctx.gatedPath, connections: opts.connections, seconds: opts.warmupSeconds, cookies: premiumCookies });
      results.set(mode, { anon: await load(), premium: await load(premiumCookies), cache });
    } finally {
      await edge.stop();
    }
  }

  const staticResult = ctx.results.get("nginx");
  const row = (reader: string, via: string, r: LoadResult | undefined) => ({
    reader,
    via,
    "req/s": r ? num(r.requestsPerSecond) : null,
    p50: r ? `${r.p50} ms` : null,
    p99: r ? `${r.p99} ms` : null,
    "non-2xx": r ? num(r.non2xx + r.errors + r.timeouts) : null,
    "of static": r && staticResult ? `${((r.requestsPerSecond / staticResult.requestsPerSecond) * 100).toFixed(1)} %` : null,
  });
  const cookie = results.get("cookie")!;
  const auth = results.get("auth_request")!;
  report.table([
    row("anonymous", "nginx static file", staticResult),
    row("anonymous", "Node alone", ctx.results.get("anon")),
    row("premium", "Node alone", ctx.results.get("premium")),
    row("anonymous", "edge, signed cookie", cookie.anon),
    row("premium", "edge, signed cookie", cookie.premium),
    row("anonymous", "edge, auth_request", auth.anon),
    row("premium", "edge, auth_request", auth.premium),
  ]);
  report.line(`cache status of the checked requests (anonymous/premium, 3rd request): cookie ${cookie.cache}, auth_request ${auth.cache}`);
  if (!staticResult) report.line("(the static-file and Node-alone rows come from the default sections; --no-nginx leaves the ratio without a baseline)");
  report.record("edge", Object.fromEntries([...results.entries()].map(([m, r]) => [m, { anon: r.anon, premium: r.premium }])));
  for (const [mode, r] of results) {
    const bad = r.anon.non2xx + r.anon.errors + r.anon.timeouts + r.premium.non2xx + r.premium.errors + r.premium.timeouts;
    report.check(`edge (${mode}) answered every request 2xx`, bad === 0, `${num(bad)} non-2xx/errors/timeouts`);
  }
  if (staticResult) {
    const ratio = cookie.premium.requestsPerSecond / staticResult.requestsPerSecond;
    report.check(`premium through the edge ≥ ${GOAL} × static`, ratio >= GOAL, `${num(cookie.premium.requestsPerSecond)} / ${num(staticResult.requestsPerSecond)} req/s = ${ratio.toFixed(3)} (signed-cookie mode; auth_request ${(auth.premium.requestsPerSecond / staticResult.requestsPerSecond).toFixed(3)})`);
  } else {
    report.check(`premium through the edge ≥ ${GOAL} × static`, false, "no static-file baseline measured (run without --no-nginx)");
  }
}
