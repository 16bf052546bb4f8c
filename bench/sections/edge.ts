// Issues 8 and 19: the nginx edge cache per tier (deploy/nginx) in front of the bench server —
// anonymous and premium readers through the edge in both tier modes (signed cookie verified by
// nginx itself; auth_request to Node), all as gzip clients, against the physical limit: nginx serving the
// very bytes the edge sent (its gzip bodies, from a cache hit) as precompressed static files.
import http from "node:http";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { BenchContext } from "../context";
import { edgeKeyFor, withEdgeCookie } from "../edge-cookies";
import { PRIMARY_PUBLICATION, startEdge, type EdgeMode } from "../edge-nginx";
import { runLoad, type LoadResult } from "../load";
import { startFileServer } from "../nginx";
import { kb, num } from "../report";
import { GATED_MARKER } from "../seed";
import { ensureWrk, runWrk } from "../wrk";

// Issue 19's targets, through the edge in signed-cookie mode, of the same bytes served static.
const GOALS = { anon: 0.8, premium: 0.6 } as const;
const GZIP = { "accept-encoding": "gzip" };

type Fetched = { status: number; raw: Buffer; body: string; encoding: string | null; cache: string; setCookie: boolean };
function fetchRaw(baseUrl: string, pathName: string, cookie: string | null, acceptEncoding: string | null): Promise<Fetched> {
  const headers = { accept: "text/html", ...(acceptEncoding ? { "accept-encoding": acceptEncoding } : {}), ...(cookie ? { cookie } : {}) };
  return new Promise((resolve, reject) => {
    const req = http.get(`${baseUrl}${pathName}`, { headers, timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers["content-encoding"] ?? null;
        const body = (encoding === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
        resolve({
          status: res.statusCode ?? 0,
          raw,
          body,
          encoding,
          cache: String(res.headers["x-cache-status"] ?? ""),
          setCookie: Boolean(res.headers["set-cookie"]),
        });
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${pathName} timed out`)));
    req.on("error", reject);
  });
}

// One reader kind, checked before measuring: the right body per tier from the cache, for a gzip
// client (the stored bytes) and an identity client (inflated by nginx). Returns the gzip response.
async function verify(baseUrl: string, pathName: string, cookie: string | null, readable: boolean): Promise<Fetched & { identity: Buffer }> {
  const who = cookie ? "a premium" : "an anonymous";
  let gz: Fetched | null = null;
  for (let i = 0; i < 3; i++) gz = await fetchRaw(baseUrl, pathName, cookie, "gzip");
  const plain = await fetchRaw(baseUrl, pathName, cookie, null);
  for (const [what, page] of [
    ["gzip", gz!],
    ["identity", plain],
  ] as const) {
    if (page.status !== 200) throw new Error(`the edge answered ${page.status} to ${who} ${what} reader`);
    if (page.body.includes(GATED_MARKER) !== readable) throw new Error(`the edge served the wrong tier's body to ${who} ${what} reader`);
    if (page.setCookie) throw new Error(`the edge response to ${who} ${what} reader set a cookie: the reader's edge cookie was not accepted`);
  }
  if (plain.encoding !== null) throw new Error(`the edge sent ${plain.encoding} to a client without Accept-Encoding`);
  return { ...gz!, identity: Buffer.from(plain.body) };
}

export async function edgeSection(ctx: BenchContext): Promise<void> {
  const { report, server, opts } = ctx;
  report.section(`Edge cache per tier: nginx (deploy/nginx) in front of Node, ${ctx.gatedPath}, gzip clients`);
  const premium = ctx.byTier.get("premium");
  if (!premium?.length) throw new Error("no premium readers were seeded");
  const key = edgeKeyFor(ctx.secret);
  // Valid for the whole section: the measured readers hold a live edge cookie, as a steady reader
  // does. The benchmark reads the primary publication, which nginx maps 127.0.0.1 to.
  const premiumCookies = premium.slice(0, 2_000).map((r) => withEdgeCookie(r, key, PRIMARY_PUBLICATION, 3_600));
  const wrk = ensureWrk();
  report.line(
    `load generator: ${wrk ? `wrk (${wrk}), 2 threads` : "autocannon (wrk could not be installed)"}, ${opts.connections} connections, ${opts.durationSeconds} s per figure, Accept-Encoding: gzip`,
  );
  const measure = async (baseUrl: string, pathName: string, what: string, cookies?: string[]): Promise<LoadResult & { bytesPerResponse?: number }> => {
    const seconds = opts.durationSeconds;
    if (opts.warmupSeconds > 0) await load(baseUrl, pathName, opts.warmupSeconds, what, cookies);
    return load(baseUrl, pathName, seconds, what, cookies);
  };
  const load = (baseUrl: string, pathName: string, seconds: number, what: string, cookies?: string[]) =>
    wrk
      ? runWrk(wrk, { baseUrl, path: pathName, connections: opts.connections, seconds, headers: GZIP, cookies, workDir: path.join(opts.outDir, `wrk-${what}`) })
      : runLoad({ baseUrl, path: pathName, connections: opts.connections, seconds, cookies, headers: GZIP });

  const results = new Map<EdgeMode, { anon: LoadResult; premium: LoadResult; cache: string }>();
  let bytes: { anon: Fetched & { identity: Buffer }; premium: Fetched & { identity: Buffer } } | null = null;
  for (const mode of ["cookie", "auth_request"] as const) {
    const edge = await startEdge({ workDir: path.join(opts.outDir, `edge-${mode}`), upstreamPorts: [server.port], mode, edgeSecret: key });
    try {
      const anon = await verify(edge.baseUrl, ctx.gatedPath, null, false);
      const paid = await verify(edge.baseUrl, ctx.gatedPath, premiumCookies[0], true);
      bytes ??= { anon, premium: paid };
      results.set(mode, {
        anon: await measure(edge.baseUrl, ctx.gatedPath, `${mode}-anon`),
        premium: await measure(edge.baseUrl, ctx.gatedPath, `${mode}-premium`, premiumCookies),
        cache: `${anon.cache}/${paid.cache}`,
      });
    } finally {
      await edge.stop();
    }
  }

  // The physical limit: the same response bytes (gzip from the cache hit above, and its identity
  // body for clients without gzip) as files, one per reader kind, asked for with the same requests
  // (premium: the same readers' cookies, which nginx reads and ignores).
  const { anon: anonBytes, premium: premiumBytes } = bytes!;
  if (anonBytes.encoding !== "gzip" || premiumBytes.encoding !== "gzip")
    report.line(`note: the edge sent ${anonBytes.encoding ?? "identity"}/${premiumBytes.encoding ?? "identity"} bodies to gzip clients (expected gzip)`);
  const files = await startFileServer({
    workDir: path.join(opts.outDir, "nginx-gzip-static"),
    pages: [
      { urlPath: "/anon.html", identity: anonBytes.identity, gzip: anonBytes.encoding === "gzip" ? anonBytes.raw : undefined },
      { urlPath: "/premium.html", identity: premiumBytes.identity, gzip: premiumBytes.encoding === "gzip" ? premiumBytes.raw : undefined },
    ],
  });
  let limit: { anon: LoadResult; premium: LoadResult };
  try {
    const check = await fetchRaw(files.baseUrl, "/premium.html", null, "gzip");
    if (!check.raw.equals(premiumBytes.raw)) throw new Error("nginx's gzip_static file is not the edge's bytes");
    limit = {
      anon: await measure(files.baseUrl, "/anon.html", "static-anon"),
      premium: await measure(files.baseUrl, "/premium.html", "static-premium", premiumCookies),
    };
  } finally {
    await files.stop();
  }

  const row = (reader: "anon" | "premium", via: string, r: LoadResult | undefined) => ({
    reader: reader === "anon" ? "anonymous" : "premium",
    via,
    "req/s": r ? num(r.requestsPerSecond) : null,
    p50: r ? `${r.p50} ms` : null,
    p99: r ? `${r.p99} ms` : null,
    "non-2xx": r ? num(r.non2xx + r.errors + r.timeouts) : null,
    "of limit": r ? `${((r.requestsPerSecond / limit[reader].requestsPerSecond) * 100).toFixed(1)} %` : null,
  });
  const cookie = results.get("cookie")!;
  const auth = results.get("auth_request")!;
  report.table([
    row("anon", `nginx ${files.version}, same bytes, gzip_static (limit)`, limit.anon),
    row("premium", `nginx ${files.version}, same bytes, gzip_static (limit)`, limit.premium),
    row("anon", "Node alone (readers section, no gzip)", ctx.results.get("anon")),
    row("premium", "Node alone (readers section, no gzip)", ctx.results.get("premium")),
    row("anon", "edge, signed cookie", cookie.anon),
    row("premium", "edge, signed cookie", cookie.premium),
    row("anon", "edge, auth_request", auth.anon),
    row("premium", "edge, auth_request", auth.premium),
  ]);
  report.line(
    `bytes per response: anonymous ${kb(anonBytes.raw.length)} gzip (${kb(anonBytes.identity.length)} identity), premium ${kb(premiumBytes.raw.length)} gzip (${kb(premiumBytes.identity.length)} identity)`,
  );
  report.line(`cache status of the checked requests (anonymous/premium, 3rd request): cookie ${cookie.cache}, auth_request ${auth.cache}`);
  report.record("edge", {
    limit,
    ...Object.fromEntries([...results.entries()].map(([m, r]) => [m, { anon: r.anon, premium: r.premium }])),
    bytes: {
      anonGzip: anonBytes.raw.length,
      anonIdentity: anonBytes.identity.length,
      premiumGzip: premiumBytes.raw.length,
      premiumIdentity: premiumBytes.identity.length,
    },
  });
  for (const [mode, r] of results) {
    const bad = r.anon.non2xx + r.anon.errors + r.anon.timeouts + r.premium.non2xx + r.premium.errors + r.premium.timeouts;
    report.check(`edge (${mode}) answered every request 2xx`, bad === 0, `${num(bad)} non-2xx/errors/timeouts`);
  }
  for (const reader of ["premium", "anon"] as const) {
    const ratio = cookie[reader].requestsPerSecond / limit[reader].requestsPerSecond;
    const name = reader === "anon" ? "anonymous" : "premium";
    report.check(
      `${name} through the edge ≥ ${GOALS[reader]} × nginx serving the same bytes precompressed`,
      ratio >= GOALS[reader],
      `${num(cookie[reader].requestsPerSecond)} / ${num(limit[reader].requestsPerSecond)} req/s = ${ratio.toFixed(3)} (signed-cookie mode; auth_request ${(auth[reader].requestsPerSecond / limit[reader].requestsPerSecond).toFixed(3)})`,
    );
  }
}
