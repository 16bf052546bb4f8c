// Issue 3's benchmark: the same gated piece for anonymous, free and premium readers — cache on
// disk from 10 to 10,000 distinct signed-in readers, throughput/latency/RSS per reader kind, and
// the database statements made on the article path in steady state.
import type http from "node:http";
import os from "node:os";
import { bytesByPair, explainGrowth, settledSnapshot, totalBytes, type CacheSnapshot } from "../cache";
import type { BenchContext, BenchPublication } from "../context";
import { timeSessionCheck, type ReaderCookie } from "../cookies";
import { combineResults, runLoad, visitEach, type LoadResult, type Visit, type VisitReport } from "../load";
import { articlePathStatements, countQueries, mergeWindows, type PhaseWindow, type QueryWindow } from "../queries";
import { kb, mb, num } from "../report";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rankOf(pub: BenchPublication, tier: string): number {
  if (tier === "anon") return -1;
  return pub.tiers.find((t) => t.slug === tier)?.rank ?? 0;
}

// A response is right when it was rendered for the reader's tier in the publication of its host
// (the proxy's rewrite target), carries the gated text exactly when that tier may read it, and
// needed no session re-mint.
export function expectTier(pub: BenchPublication, tier: string): Visit["expect"] {
  const readable = rankOf(pub, tier) >= rankOf(pub, pub.gatedTier);
  return ({ status, headers, body }: { status: number; headers: http.IncomingHttpHeaders; body: string }) => {
    if (status !== 200) return `status ${status}`;
    const rewrite = headers["x-middleware-rewrite"];
    if (typeof rewrite === "string" && !rewrite.endsWith(`/t/${pub.slug}/${tier}/articles/${pub.gatedSlug}`))
      return `a ${pub.slug} ${tier} reader was served ${rewrite}`;
    if (headers["set-cookie"]) return "the session was re-minted (Set-Cookie)";
    if (body.includes(pub.gatedMarker) !== readable) return readable ? `gated text missing for ${pub.slug} ${tier}` : `gated text sent to ${pub.slug} ${tier}`;
    return null;
  };
}

// Each reader once on the publication's gated piece, through its host.
export const visitsFor = (pub: BenchPublication, readers: ReaderCookie[]): Visit[] =>
  readers.map((r) => ({ cookie: r.cookie, host: pub.host ?? undefined, path: pub.gatedPath, expect: expectTier(pub, r.tier) }));

export const anonymousVisits = (pub: BenchPublication, count: number): Visit[] =>
  Array.from({ length: count }, () => ({ cookie: null, host: pub.host ?? undefined, path: pub.gatedPath, expect: expectTier(pub, "anon") }));

export function failureText(v: VisitReport): string {
  return [...v.failures.entries()].map(([why, n]) => `${n}× ${why}`).join("; ");
}

// Distinct readers covering every signed-in tier, taken round-robin.
export function mixedReaders(byTier: Map<string, ReaderCookie[]>, count: number): ReaderCookie[] {
  const lists = [...byTier.values()];
  const out: ReaderCookie[] = [];
  for (let i = 0; out.length < count; i++) {
    const list = lists[i % lists.length];
    const r = list[Math.floor(i / lists.length)];
    if (r) out.push(r);
    if (i > count * lists.length) break;
  }
  return out;
}

export function tierMix(readers: ReaderCookie[]): string {
  const counts = new Map<string, number>();
  for (const r of readers) counts.set(r.tier, (counts.get(r.tier) ?? 0) + 1);
  return [...counts.entries()].map(([t, n]) => `${t} ${num(n)}`).join(", ");
}

async function cacheGrowth(ctx: BenchContext): Promise<{ rest: VisitReport; restWindow: QueryWindow }> {
  const { report, server, opts } = ctx;
  const distDir = opts.distDir;
  const pub = ctx.publications[0];
  report.section(`Next's cache on disk: 10 → ${num(opts.readers)} distinct signed-in readers of ${ctx.gatedPath}`);
  const empty = await settledSnapshot(distDir, 500, 5_000);
  const first = mixedReaders(ctx.byTier, 10);
  const firstIds = new Set(first.map((r) => r.memberId));
  const rest = ctx.cookies.filter((r) => !firstIds.has(r.memberId)).slice(0, opts.readers - first.length);

  const a = await countQueries(server, ctx.traceFile, () => visitEach(server.baseUrl, ctx.gatedPath, visitsFor(pub, first), 1));
  const snap10 = await settledSnapshot(distDir);
  const b = await countQueries(server, ctx.traceFile, () => visitEach(server.baseUrl, ctx.gatedPath, visitsFor(pub, rest), opts.readerConcurrency, 600));
  const snapN = await settledSnapshot(distDir);

  const pairs = (readers: ReaderCookie[]) => new Set(readers.map((r) => `${pub.slug}/${r.tier}/${ctx.gatedSlug}`));
  const slugs = publicationSlugs(ctx);
  const seenFirst = pairs(first);
  const newPairs = new Set([...pairs(rest)].filter((p) => !seenFirst.has(p)));
  const { grown, allowedBytes, unexplained } = explainGrowth(distDir, snap10, snapN, newPairs, slugs);
  const perPair = (snap: CacheSnapshot) => bytesByPair(distDir, snap, slugs);
  report.table([
    { readers: "none yet", "tiers served": "—", files: empty.size, bytes: num(totalBytes(empty)), "statements (incl. background)": "—" },
    {
      readers: num(first.length),
      "tiers served": tierMix(first),
      files: snap10.size,
      bytes: num(totalBytes(snap10)),
      "statements (incl. background)": a.window.statements,
    },
    {
      readers: num(first.length + b.result.requests),
      "tiers served": tierMix(rest.slice(0, b.result.requests).concat(first)),
      files: snapN.size,
      bytes: num(totalBytes(snapN)),
      "statements (incl. background)": b.window.statements,
    },
  ]);
  report.line(
    `entries by (publication, tier, piece): ${perPair(snapN)
      .map(([p, n]) => `${p} ${kb(n)}`)
      .join(" · ")}`,
  );
  report.line(
    `${num(b.result.requests)} readers in ${b.result.seconds.toFixed(1)} s (${num(b.result.requests / b.result.seconds)} req/s at concurrency ${opts.readerConcurrency})`,
  );
  if (unexplained.length)
    report.line(
      `cache changes not explained by a new (publication, tier, piece) render: ${unexplained.slice(0, 8).join(", ")}${unexplained.length > 8 ? ", …" : ""}`,
    );

  const served = a.result.ok + b.result.ok;
  const total = first.length + rest.length;
  report.check(
    `every reader served the render of their own tier`,
    served === total,
    `${num(served)}/${num(total)} responses right${served === total ? "" : `: ${failureText(a.result)} ${failureText(b.result)}`}`,
  );
  report.check(
    `cache bytes unchanged 10 → ${num(first.length + rest.length)} readers`,
    unexplained.length === 0 && grown === allowedBytes,
    `${num(totalBytes(snap10))} B → ${num(totalBytes(snapN))} B (${grown >= 0 ? "+" : ""}${num(grown)} B; new (publication, tier, piece) renders: ${newPairs.size ? [...newPairs].join(", ") : "none"}${allowedBytes ? `, ${num(allowedBytes)} B for them` : ""})`,
  );
  report.record("cache", {
    empty: totalBytes(empty),
    after10: totalBytes(snap10),
    afterAll: totalBytes(snapN),
    readers: first.length + b.result.requests,
    newPairs: [...newPairs],
    unexplained,
    perPair: Object.fromEntries(perPair(snapN)),
  });
  return { rest: b.result, restWindow: b.window };
}

type Phase = { label: string; tier: string; cookies: ReaderCookie[] | null };

async function throughput(ctx: BenchContext): Promise<{ windows: PhaseWindow[]; idle: QueryWindow }> {
  const { report, server, opts } = ctx;
  const perRound = Math.max(1, Math.round(opts.durationSeconds / opts.rounds));
  report.section(
    `Throughput on ${ctx.gatedPath}: ${opts.connections} connections; per reader kind ${opts.warmupSeconds} s warm-up, then ${opts.rounds > 1 ? `${opts.rounds} × ${perRound} s in mirrored order` : `${perRound} s`}`,
  );
  const premiumCookies = ctx.byTier.get("premium") ?? [];
  const checkMicros = await timeSessionCheck(premiumCookies, ctx.secret, ctx.publicationId);
  report.line(
    `session check in isolation (decrypt the JWT, validate claims, judge the tier — the proxy's per-request work): ${checkMicros.toFixed(0)} µs per request`,
  );
  const busy = os.loadavg()[0] > os.cpus().length;
  report.line(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} before the runs (the load generator shares these cores)`,
  );
  if (busy)
    report.line("warning: other processes keep this machine busy — requests/s swings from round to round; server CPU per request is the steadier comparison");
  // Statements the server sends on its own (timers, listeners) with no request at all: the
  // baseline against which the article path is judged.
  const idle = (await countQueries(server, ctx.traceFile, () => sleep(opts.idleSeconds * 1000))).window;
  const phases: Phase[] = [
    { label: "anonymous", tier: "anon", cookies: null },
    { label: "free", tier: "free", cookies: ctx.byTier.get("free") ?? [] },
    { label: "premium", tier: "premium", cookies: ctx.byTier.get("premium") ?? [] },
  ];
  const order: Phase[] = [];
  for (let r = 0; r < opts.rounds; r++) order.push(...(r % 2 === 0 ? phases : [...phases].reverse()));
  const runs = new Map<string, { result: LoadResult; window: QueryWindow }[]>();
  const loadAvg = new Map<string, number>();
  for (const phase of order) {
    const cookies = phase.cookies?.map((c) => c.cookie);
    if (!runs.has(phase.tier)) {
      const sample: Visit[] = phase.cookies ? visitsFor(ctx.publications[0], phase.cookies.slice(0, 50)) : anonymousVisits(ctx.publications[0], 5);
      const checked = await visitEach(server.baseUrl, ctx.gatedPath, sample, 4);
      if (checked.ok !== sample.length) report.line(`${phase.label}: sample check failed: ${failureText(checked)}`);
      if (opts.warmupSeconds > 0)
        await runLoad({ baseUrl: server.baseUrl, path: ctx.gatedPath, connections: opts.connections, seconds: opts.warmupSeconds, cookies });
      runs.set(phase.tier, []);
    }
    const { result, window } = await countQueries(server, ctx.traceFile, () =>
      runLoad({ baseUrl: server.baseUrl, path: ctx.gatedPath, connections: opts.connections, seconds: perRound, cookies, rssPid: server.pid }),
    );
    runs.get(phase.tier)!.push({ result, window });
    loadAvg.set(phase.tier, Math.max(loadAvg.get(phase.tier) ?? 0, os.loadavg()[0]));
  }
  const rows = [];
  const windows: PhaseWindow[] = [];
  for (const phase of phases) {
    const list = runs.get(phase.tier)!;
    const result = combineResults(list.map((x) => x.result));
    ctx.results.set(phase.tier, result);
    const merged = mergeWindows(
      phase.label,
      list.map((x) => ({ requests: x.result.requests, window: x.window })),
    );
    windows.push(merged);
    rows.push({
      ...loadRow(phase.label, phase.cookies ? `${num(phase.cookies.length)} members` : "none", result, merged.window.statements),
      "load avg": loadAvg.get(phase.tier)!.toFixed(1),
    });
  }
  report.table(rows);
  if (opts.rounds > 1) {
    const perRoundCpu = (r: LoadResult) => (r.serverCpuMs !== null && r.requests ? ` (${num((r.serverCpuMs * 1000) / r.requests)} µs)` : "");
    const rounds = order.map((p) => runs.get(p.tier)!.shift()!.result).map((r, i) => `${order[i].label} ${num(r.requestsPerSecond)}${perRoundCpu(r)}`);
    report.line(`rounds, req/s (server CPU per request): ${rounds.join(" → ")}; p50 is the request-weighted mean of the rounds, p99 the worst round's`);
  }
  report.record("throughput", Object.fromEntries(ctx.results));
  const anon = ctx.results.get("anon")!;
  const premium = ctx.results.get("premium")!;
  const ratio = premium.requestsPerSecond / anon.requestsPerSecond;
  const cpuPerRequest = (r: LoadResult) => (r.serverCpuMs !== null && r.requests ? (r.serverCpuMs * 1000) / r.requests : null);
  const [cpuAnon, cpuPremium] = [cpuPerRequest(anon), cpuPerRequest(premium)];
  // On a CPU-bound server requests/s is the inverse of CPU per request: cpuAnon / cpuPremium is
  // the ratio a quiet machine would show, whatever else is running on this one.
  const cpuNote =
    cpuAnon && cpuPremium
      ? `; server CPU per request ${num(cpuPremium)} vs ${num(cpuAnon)} µs, a CPU-bound ratio of × ${(cpuAnon / cpuPremium).toFixed(3)}`
      : "";
  report.check(
    "premium ≥ 0.9 × anonymous requests/s",
    ratio >= 0.9,
    `${num(premium.requestsPerSecond)} vs ${num(anon.requestsPerSecond)} req/s (× ${ratio.toFixed(3)})${cpuNote}`,
  );
  return { windows, idle };
}

export function loadRow(label: string, sessions: string, r: LoadResult, statements: number | null) {
  return {
    reader: label,
    sessions,
    "req/s": num(r.requestsPerSecond),
    requests: num(r.requests),
    "p50 ms": r.p50,
    "p99 ms": r.p99,
    "non-2xx": r.non2xx + r.errors + r.timeouts,
    "server CPU µs/req": r.serverCpuMs !== null && r.requests ? num((r.serverCpuMs * 1000) / r.requests) : "—",
    "RSS end": r.rss ? mb(r.rss.end) : "—",
    "RSS peak": r.rss ? mb(r.rss.peak) : "—",
    statements,
  };
}

// The article path's statements in steady state, one report for the readers and the
// two-publication sections: `label` names the check, `key` the recorded figures.
export function queriesPerRequest(ctx: BenchContext, windows: PhaseWindow[], idle: QueryWindow, names = { label: "", key: "queries" }): void {
  const { report } = ctx;
  const prefix = names.label ? `${names.label}: ` : "";
  report.section(`${names.label ? `${names.label}: d` : "D"}atabase statements on the article path in steady state`);
  const found = articlePathStatements(windows, idle);
  for (const line of found.lines) report.line(line);
  report.record(names.key, {
    requests: found.requests,
    statements: found.statements,
    seconds: found.seconds,
    idle: { statements: idle.statements, seconds: idle.seconds },
    onPath: found.onPath,
    perRequest: found.perRequest,
  });
  report.check(
    `${prefix}queries per article request = 0`,
    found.onPath === 0,
    `${found.perRequest === 0 ? "0" : found.perRequest.toExponential(2)} (${found.detail})`,
  );
}

// Publication id → slug, to name the data cache's entries.
export const publicationSlugs = (ctx: BenchContext) => new Map(ctx.publications.map((p) => [p.id, p.slug]));

export async function readersSection(ctx: BenchContext): Promise<void> {
  const growth = await cacheGrowth(ctx);
  const { windows, idle } = await throughput(ctx);
  queriesPerRequest(
    ctx,
    [{ label: `${num(growth.rest.requests)} distinct readers`, requests: growth.rest.requests, window: growth.restWindow }, ...windows],
    idle,
  );
}
