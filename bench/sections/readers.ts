// Issue 3's benchmark: the same gated piece for anonymous, free and premium readers — cache on
// disk from 10 to 10,000 distinct signed-in readers, throughput/latency/RSS per reader kind, and
// the database statements made on the article path in steady state.
import type http from "node:http";
import os from "node:os";
import { diffCache, pairOf, settledSnapshot, totalBytes, type CacheSnapshot } from "../cache";
import type { BenchContext } from "../context";
import { timeSessionCheck, type ReaderCookie } from "../cookies";
import { combineResults, runLoad, visitEach, type LoadResult, type Visit, type VisitReport } from "../load";
import { countQueries, groupStatements, type QueryWindow, type TracedStatement } from "../queries";
import { kb, mb, num } from "../report";
import { GATED_MARKER } from "../seed";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rankOf(ctx: BenchContext, tier: string): number {
  if (tier === "anon") return -1;
  return ctx.tiers.find((t) => t.slug === tier)?.rank ?? 0;
}

// A response is right when it was rendered for the reader's tier (the proxy's rewrite target),
// carries the gated text exactly when that tier may read it, and needed no session re-mint.
function expectTier(ctx: BenchContext, tier: string): Visit["expect"] {
  const readable = rankOf(ctx, tier) >= rankOf(ctx, ctx.gatedTier);
  return ({ status, headers, body }: { status: number; headers: http.IncomingHttpHeaders; body: string }) => {
    if (status !== 200) return `status ${status}`;
    const rewrite = headers["x-middleware-rewrite"];
    if (typeof rewrite === "string" && !rewrite.endsWith(`/t/${tier}/articles/${ctx.gatedSlug}`)) return `a ${tier} reader was served ${rewrite}`;
    if (headers["set-cookie"]) return "the session was re-minted (Set-Cookie)";
    if (body.includes(GATED_MARKER) !== readable) return readable ? `gated text missing for ${tier}` : `gated text sent to ${tier}`;
    return null;
  };
}

const visitsFor = (ctx: BenchContext, readers: ReaderCookie[]): Visit[] => readers.map((r) => ({ cookie: r.cookie, expect: expectTier(ctx, r.tier) }));

function failureText(v: VisitReport): string {
  return [...v.failures.entries()].map(([why, n]) => `${n}× ${why}`).join("; ");
}

// Ten distinct readers covering every signed-in tier, taken round-robin.
function mixedReaders(byTier: Map<string, ReaderCookie[]>, count: number): ReaderCookie[] {
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

function tierMix(readers: ReaderCookie[]): string {
  const counts = new Map<string, number>();
  for (const r of readers) counts.set(r.tier, (counts.get(r.tier) ?? 0) + 1);
  return [...counts.entries()].map(([t, n]) => `${t} ${num(n)}`).join(", ");
}

async function cacheGrowth(ctx: BenchContext): Promise<{ rest: VisitReport; restWindow: QueryWindow }> {
  const { report, server, opts } = ctx;
  const distDir = opts.distDir;
  report.section(`Next's cache on disk: 10 → ${num(opts.readers)} distinct signed-in readers of ${ctx.gatedPath}`);
  const empty = await settledSnapshot(distDir, 500, 5_000);
  const first = mixedReaders(ctx.byTier, 10);
  const firstIds = new Set(first.map((r) => r.memberId));
  const rest = ctx.cookies.filter((r) => !firstIds.has(r.memberId)).slice(0, opts.readers - first.length);

  const a = await countQueries(server, ctx.traceFile, () => visitEach(server.baseUrl, ctx.gatedPath, visitsFor(ctx, first), 1));
  const snap10 = await settledSnapshot(distDir);
  const b = await countQueries(server, ctx.traceFile, () => visitEach(server.baseUrl, ctx.gatedPath, visitsFor(ctx, rest), opts.readerConcurrency, 600));
  const snapN = await settledSnapshot(distDir);

  const pairs = (readers: ReaderCookie[]) => new Set(readers.map((r) => `${r.tier}/${ctx.gatedSlug}`));
  const seenFirst = pairs(first);
  const newPairs = new Set([...pairs(rest)].filter((p) => !seenFirst.has(p)));
  const diff = diffCache(snap10, snapN);
  const allowed = diff.added.filter(([p]) => {
    const pair = pairOf(distDir, p);
    return pair !== null && newPairs.has(pair);
  });
  const unexplained = [...diff.added.filter((x) => !allowed.includes(x)).map(([p, n]) => `+${p} (${n} B)`), ...diff.removed.map(([p, n]) => `-${p} (${n} B)`), ...diff.changed.map(([p, x, y]) => `~${p} (${x} → ${y} B)`)];
  const allowedBytes = allowed.reduce((s, [, n]) => s + n, 0);

  const perPair = (snap: CacheSnapshot) => {
    const by = new Map<string, number>();
    for (const [p, n] of snap) {
      const pair = pairOf(distDir, p) ?? "(shared)";
      by.set(pair, (by.get(pair) ?? 0) + n);
    }
    return [...by.entries()].sort();
  };
  report.table([
    { readers: "none yet", "tiers served": "—", files: empty.size, bytes: num(totalBytes(empty)), "statements (incl. background)": "—" },
    { readers: num(first.length), "tiers served": tierMix(first), files: snap10.size, bytes: num(totalBytes(snap10)), "statements (incl. background)": a.window.statements },
    { readers: num(first.length + b.result.requests), "tiers served": tierMix(rest.slice(0, b.result.requests).concat(first)), files: snapN.size, bytes: num(totalBytes(snapN)), "statements (incl. background)": b.window.statements },
  ]);
  report.line(`entries by (tier, piece): ${perPair(snapN).map(([p, n]) => `${p} ${kb(n)}`).join(" · ")}`);
  report.line(`${num(b.result.requests)} readers in ${b.result.seconds.toFixed(1)} s (${num(b.result.requests / b.result.seconds)} req/s at concurrency ${opts.readerConcurrency})`);
  if (unexplained.length) report.line(`cache changes not explained by a new (tier, piece) pair: ${unexplained.slice(0, 8).join(", ")}${unexplained.length > 8 ? ", …" : ""}`);

  const served = a.result.ok + b.result.ok;
  const total = first.length + rest.length;
  report.check(`every reader served the render of their own tier`, served === total, `${num(served)}/${num(total)} responses right${served === total ? "" : `: ${failureText(a.result)} ${failureText(b.result)}`}`);
  const grown = totalBytes(snapN) - totalBytes(snap10);
  report.check(
    `cache bytes unchanged 10 → ${num(first.length + rest.length)} readers`,
    unexplained.length === 0 && grown === allowedBytes,
    `${num(totalBytes(snap10))} B → ${num(totalBytes(snapN))} B (${grown >= 0 ? "+" : ""}${num(grown)} B; new (tier, piece) pairs: ${newPairs.size ? [...newPairs].join(", ") : "none"}${allowedBytes ? `, ${num(allowedBytes)} B for them` : ""})`,
  );
  report.record("cache", { empty: totalBytes(empty), after10: totalBytes(snap10), afterAll: totalBytes(snapN), readers: first.length + b.result.requests, newPairs: [...newPairs], unexplained, perPair: Object.fromEntries(perPair(snapN)) });
  return { rest: b.result, restWindow: b.window };
}

type Phase = { label: string; tier: string; cookies: ReaderCookie[] | null };
type PhaseWindow = { label: string; requests: number; window: QueryWindow };

function mergeWindows(label: string, parts: { requests: number; window: QueryWindow }[]): PhaseWindow {
  const traced = parts.every((p) => p.window.traced !== null) ? parts.flatMap((p) => p.window.traced!) : null;
  return {
    label,
    requests: parts.reduce((s, p) => s + p.requests, 0),
    window: { statements: parts.reduce((s, p) => s + p.window.statements, 0), seconds: parts.reduce((s, p) => s + p.window.seconds, 0), traced },
  };
}

async function throughput(ctx: BenchContext): Promise<{ windows: PhaseWindow[]; idle: QueryWindow }> {
  const { report, server, opts } = ctx;
  const perRound = Math.max(1, Math.round(opts.durationSeconds / opts.rounds));
  report.section(`Throughput on ${ctx.gatedPath}: ${opts.connections} connections; per reader kind ${opts.warmupSeconds} s warm-up, then ${opts.rounds > 1 ? `${opts.rounds} × ${perRound} s in mirrored order` : `${perRound} s`}`);
  const premiumCookies = ctx.byTier.get("premium") ?? [];
  const checkMicros = await timeSessionCheck(premiumCookies, ctx.secret, ctx.publicationId);
  report.line(`session check in isolation (decrypt the JWT, validate claims, judge the tier — the proxy's per-request work): ${checkMicros.toFixed(0)} µs per request`);
  const busy = os.loadavg()[0] > os.cpus().length;
  report.line(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} before the runs (the load generator shares these cores)`);
  if (busy) report.line("warning: other processes keep this machine busy — requests/s swings from round to round; server CPU per request is the steadier comparison");
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
      const sample: Visit[] = phase.cookies ? visitsFor(ctx, phase.cookies.slice(0, 50)) : Array.from({ length: 5 }, () => ({ cookie: null, expect: expectTier(ctx, "anon") }));
      const checked = await visitEach(server.baseUrl, ctx.gatedPath, sample, 4);
      if (checked.ok !== sample.length) report.line(`${phase.label}: sample check failed: ${failureText(checked)}`);
      if (opts.warmupSeconds > 0) await runLoad({ baseUrl: server.baseUrl, path: ctx.gatedPath, connections: opts.connections, seconds: opts.warmupSeconds, cookies });
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
    const merged = mergeWindows(phase.label, list.map((x) => ({ requests: x.result.requests, window: x.window })));
    windows.push(merged);
    rows.push({ ...loadRow(phase.label, phase.cookies ? `${num(phase.cookies.length)} members` : "none", result, merged.window.statements), "load avg": loadAvg.get(phase.tier)!.toFixed(1) });
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
  const cpuNote = cpuAnon && cpuPremium ? `; server CPU per request ${num(cpuPremium)} vs ${num(cpuAnon)} µs, a CPU-bound ratio of × ${(cpuAnon / cpuPremium).toFixed(3)}` : "";
  report.check("premium ≥ 0.9 × anonymous requests/s", ratio >= 0.9, `${num(premium.requestsPerSecond)} vs ${num(anon.requestsPerSecond)} req/s (× ${ratio.toFixed(3)})${cpuNote}`);
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

// The per-tier render route: statements sent from inside it are renders of a (tier, piece) entry,
// which in steady state means an ISR re-render after the page's revalidate time.
const RENDER_ROUTE = "/t/[tier]/articles/[slug]";

// Every statement in the measured windows, sorted into: background (the same statements the
// server sends when idle, from no route: its timers), ISR re-renders of the per-tier page, and
// the request path proper. The PASS line counts the last two: both are caused by article
// requests, and the target is none at all in steady state.
function queriesPerRequest(ctx: BenchContext, windows: PhaseWindow[], idle: QueryWindow): void {
  const { report } = ctx;
  report.section("Database statements on the article path in steady state");
  const requests = windows.reduce((s, w) => s + w.requests, 0);
  const statements = windows.reduce((s, w) => s + w.window.statements, 0);
  const seconds = windows.reduce((s, w) => s + w.window.seconds, 0);
  const idleRate = idle.statements / idle.seconds;
  report.line(`idle server: ${idle.statements} statements in ${idle.seconds.toFixed(1)} s (${idleRate.toFixed(2)}/s)${idle.traced ? `: ${groupStatements(idle.traced).map(([s, n]) => `${n}× ${s.slice(0, 90)}`).join("; ")}` : ""}`);
  report.line(`article windows (${windows.map((w) => w.label).join(", ")}): ${num(requests)} requests, ${statements} statements in ${seconds.toFixed(1)} s`);
  let onPath: number;
  let detail: string;
  const traced = windows.every((w) => w.window.traced !== null) && idle.traced !== null;
  if (traced) {
    const background = new Set(idle.traced!.filter((s) => s.context.startsWith("- ")).map((s) => s.sql));
    const all = windows.flatMap((w) => w.window.traced!);
    const isBackground = (s: TracedStatement) => s.context.startsWith("- ") && background.has(s.sql);
    const isRender = (s: TracedStatement) => s.context.startsWith(`${RENDER_ROUTE} `);
    const renders = all.filter(isRender).length;
    const request = all.filter((s) => !isBackground(s) && !isRender(s)).length;
    onPath = renders + request;
    if (all.length !== statements) report.line(`note: the statement trace saw ${all.length} statements, the server's counter ${statements}`);
    report.line(`background (timers, as when idle): ${all.length - onPath} · ISR re-renders of ${RENDER_ROUTE}: ${renders} · other statements on the request path: ${request}`);
    for (const w of windows) {
      const own = w.window.traced!.filter((s) => !isBackground(s));
      if (own.length) report.line(`  ${w.label}: ${groupStatements(own).map(([s, n]) => `${n}× ${s.slice(0, 140)}`).join(" | ")}`);
    }
    detail = `${onPath} / ${num(requests)} requests${renders ? `; ${renders} of them from ISR re-renders of the per-tier page once its revalidate time passed, ${request} from the request path itself` : ""}`;
  } else {
    // Without the trace: anything beyond the idle rate (plus one poll of jitter per window).
    const expected = Math.ceil(idleRate * seconds) + windows.length;
    onPath = Math.max(0, statements - expected);
    detail = `${statements} statements vs ≤ ${expected} expected from the idle rate, over ${num(requests)} requests`;
  }
  const perRequest = requests ? onPath / requests : 0;
  report.record("queries", { requests, statements, seconds, idle: { statements: idle.statements, seconds: idle.seconds }, onPath, perRequest });
  report.check("queries per article request = 0", onPath === 0, `${perRequest === 0 ? "0" : perRequest.toExponential(2)} (${detail})`);
}

export async function readersSection(ctx: BenchContext): Promise<void> {
  const growth = await cacheGrowth(ctx);
  const { windows, idle } = await throughput(ctx);
  queriesPerRequest(ctx, [{ label: `${num(growth.rest.requests)} distinct readers`, requests: growth.rest.requests, window: growth.restWindow }, ...windows], idle);
}
